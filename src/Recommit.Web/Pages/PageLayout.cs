using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Recommit.Web.Pages;

/// <summary>
/// The frame of every page: one stylesheet and one small script (both served from the assembly, so pages work
/// offline), a header naming the signed-in user, and a Content Security Policy that allows nothing from elsewhere.
/// Every piece of untrusted text goes through <see cref="E"/> (docs/quality.md R5).
/// </summary>
internal static class PageLayout
{
    private const string Policy = "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The <see cref="HttpContext.Items"/> key of a page's Atom feed, linked as <c>rel="alternate"</c> in its head.</summary>
    public const string AlternateFeedKey = "recommit.alternate-feed";

    /// <summary>HTML-encodes untrusted text for element content and quoted attribute values.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A whole page as the response; <paramref name="refreshSeconds"/> makes it poll itself (progress pages).</summary>
    public static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK, int? refreshSeconds = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (refreshSeconds is { } s) sb.Append("<meta http-equiv=\"refresh\" content=\"").Append(s).Append("\">\n");
        sb.Append("<title>").Append(E(title)).Append(" · Recommit</title>\n")
          .Append("<link rel=\"stylesheet\" href=\"").Append(AssetEndpoints.StylesheetPath).Append("\">\n")
          .Append("<script src=\"").Append(AssetEndpoints.ScriptPath).Append("\" defer></script>\n");
        if (http.Items[AlternateFeedKey] is string feed) sb.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Recommit pricing digest\" href=\"").Append(E(feed)).Append("\">\n");
        sb.Append("</head>\n<body>\n")
          .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"top\">\n<a class=\"brand\" href=\"/\">Recommit</a>\n<nav aria-label=\"Site\">");
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            sb.Append("<a href=\"/accounts\">Accounts</a>");
            sb.Append("<a href=\"/accounts/digest\">Pricing digest</a>");
            if (user.IsInRole(Storage.Users.Roles.Admin)) sb.Append("<a href=\"/accounts/intake\">Intake inbox</a><a href=\"/accounts/users\">Users</a>");
            sb.Append("<a href=\"/accounts/tokens\">Tokens</a>");
            sb.Append("<form method=\"post\" action=\"/signout\" class=\"inline\">").Append(Antiforgery(http))
              .Append("<button type=\"submit\" class=\"link\">Sign out ").Append(E(user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name)).Append("</button></form>");
        }
        else
        {
            sb.Append("<a href=\"/\">Get a quote</a><a href=\"/signin\">Analysts: sign in</a>");
        }
        sb.Append("</nav>\n</header>\n<main id=\"main\">\n").Append(body).Append("\n</main>\n")
          .Append("<footer class=\"bottom\">Recommit: whether to reopen a Claude spend commitment before renewal. Dollars are US dollars.</footer>\n</body>\n</html>\n");
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(sb.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A fragment swapped into a page by the script (the what-if result), under the same policy.</summary>
    public static IResult Fragment(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form posts.</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetService(typeof(IAntiforgery)) is IAntiforgery a ? a.GetAndStoreTokens(http) : null;
        return tokens is null ? "" : $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>
    /// The report's sections made keyboard-friendly: a wide table scrolls sideways, so it takes focus (tabindex) to be
    /// scrolled from the keyboard.
    /// </summary>
    public static string Report(string sections) => sections.Replace("<table>", "<table tabindex=\"0\">", StringComparison.Ordinal);

    /// <summary>
    /// Report sections rendered a second time on a page that already shows them (the package what-if beside the
    /// analysis): every element id and the references to it (<c>url(#…)</c>, <c>href="#…"</c>) get <paramref name="prefix"/>,
    /// so that no id appears twice.
    /// </summary>
    public static string WithIdPrefix(string html, string prefix)
    {
        html = Regex.Replace(html, "\\sid=\"([^\"]+)\"", m => $" id=\"{prefix}{m.Groups[1].Value}\"");
        html = Regex.Replace(html, @"url\(#([^)]+)\)", m => $"url(#{prefix}{m.Groups[1].Value})");
        return Regex.Replace(html, "(href|xlink:href)=\"#([^\"]+)\"", m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
    }

    /// <summary>A labelled input with its error (if any) beside it, keeping what was typed.</summary>
    public static string Field(string name, string label, string? value, IReadOnlyDictionary<string, string> errors, string type = "text", string? hint = null, string extra = "")
    {
        var id = "f-" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var sb = new StringBuilder("<div class=\"field");
        errors.TryGetValue(name, out var error);
        if (error is not null) sb.Append(" invalid");
        sb.Append("\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>");
        var described = new List<string>();
        if (hint is not null) described.Add(id + "-hint");
        if (error is not null) described.Add(id + "-error");
        sb.Append("<input id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append("\" type=\"").Append(type).Append("\" value=\"").Append(E(value)).Append('"');
        if (described.Count > 0) sb.Append(" aria-describedby=\"").Append(string.Join(' ', described)).Append('"');
        if (error is not null) sb.Append(" aria-invalid=\"true\"");
        if (extra.Length > 0) sb.Append(' ').Append(extra);
        sb.Append('>');
        if (hint is not null) sb.Append("<small id=\"").Append(id).Append("-hint\">").Append(E(hint)).Append("</small>");
        if (error is not null) sb.Append("<p class=\"error\" id=\"").Append(id).Append("-error\" role=\"alert\">").Append(E(error)).Append("</p>");
        return sb.Append("</div>").ToString();
    }
}
