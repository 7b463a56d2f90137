using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Recommit.Storage;
using Recommit.Storage.Users;
using Recommit.Web.Auth;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// <c>/accounts/tokens</c>: the signed-in user's personal access tokens for the API and the CLI: create one (its secret is
/// shown once, on the page that answers the form, and never stored), list them with their prefix and state, and revoke
/// one (the API stops taking it at once). The same store calls as <c>/api/tokens</c>.
/// </summary>
internal static class TokenPages
{
    public const string Path = "/accounts/tokens";

    public static IEndpointRouteBuilder MapTokenPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, ClaimsPrincipal user, StoreContext db, CancellationToken ct) =>
            PageAsync(http, UserId(user), db, new Dictionary<string, string>(), null, null, ct)).ExcludeFromDescription();
        app.MapPost(Path, CreateAsync).ExcludeFromDescription();
        app.MapPost(Path + "/{tokenId:int}/revoke", RevokeAsync).ExcludeFromDescription();
        return app;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<IResult> CreateAsync(HttpContext http, IFormCollection form, ClaimsPrincipal user, StoreContext db, CancellationToken ct)
    {
        var name = form["name"].ToString().Trim();
        var daysText = form["expiresInDays"].ToString().Trim();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        int? days = null;
        if (daysText.Length > 0)
        {
            if (int.TryParse(daysText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 3650) days = d;
            else errors["expiresInDays"] = $"expiresInDays: '{daysText}' is not a whole number of days from 1 to 3650 (leave it empty for no expiry)";
        }
        if (errors.Count == 0)
        {
            try
            {
                var (token, secret) = await new AccessTokens(db).CreateAsync(UserId(user), name, days is { } n ? DateTime.UtcNow.AddDays(n) : null, ct);
                // The secret is on this response only: no cache may keep it.
                http.Response.Headers.CacheControl = "no-store";
                return await PageAsync(http, UserId(user), db, errors, (token.Name, secret), null, ct);
            }
            catch (InputException e)
            {
                errors["name"] = e.Message;
            }
        }
        return await PageAsync(http, UserId(user), db, errors, null, form, ct);
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, int tokenId, IFormCollection form, ClaimsPrincipal user, StoreContext db, IMemoryCache cache, CancellationToken ct)
    {
        if (await new AccessTokens(db).RevokeAsync(UserId(user), tokenId, ct)) AccessTokenHandler.Forget(cache, tokenId);
        return Results.Redirect(Path);
    }

    private static async Task<IResult> PageAsync(HttpContext http, string userId, StoreContext db, Dictionary<string, string> errors,
        (string Name, string Secret)? created, IFormCollection? typed, CancellationToken ct)
    {
        var sb = new StringBuilder("<h1>Your access tokens</h1>\n<p class=\"lead\">A personal access token lets the API and scripts act as you: send it as " +
            "<code>Authorization: Bearer TOKEN</code>. Revoke any you no longer use.</p>\n");
        if (created is { } c)
            sb.Append("<div class=\"notice ok secret\" role=\"status\"><p>Token <strong>").Append(E(c.Name))
              .Append("</strong> created. Copy it now: it is shown only this once and cannot be recovered.</p><p><code id=\"new-token\" tabindex=\"0\">")
              .Append(E(c.Secret)).Append("</code></p></div>\n");
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);
        if (tokens.Count == 0) sb.Append("<p>You have no token yet.</p>\n");
        else
        {
            sb.Append("<table class=\"list tokens\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Starts with</th><th scope=\"col\">Created</th>" +
                "<th scope=\"col\">Expires</th><th scope=\"col\">Last used</th><th scope=\"col\">State</th><th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>");
            var now = DateTime.UtcNow;
            foreach (var t in tokens)
            {
                var state = t.RevokedUtc is { } revoked ? "revoked " + Day(revoked) : t.ExpiresUtc is { } expires && expires <= now ? "expired" : "live";
                sb.Append("<tr><td>").Append(E(t.Name)).Append("</td><td><code>").Append(E(t.Prefix)).Append("…</code></td><td>").Append(Day(t.CreatedUtc))
                  .Append("</td><td>").Append(t.ExpiresUtc is { } e ? Day(e) : "never").Append("</td><td>").Append(t.LastUsedUtc is { } used ? Day(used) : "never")
                  .Append("</td><td>").Append(state).Append("</td><td>");
                if (state == "live")
                    sb.Append("<form method=\"post\" action=\"").Append(Path).Append('/').Append(t.Id).Append("/revoke\" class=\"inline\">").Append(Antiforgery(http))
                      .Append("<button type=\"submit\" aria-label=\"Revoke ").Append(E(t.Name)).Append("\">Revoke</button></form>");
                sb.Append("</td></tr>");
            }
            sb.Append("</tbody></table>\n");
        }
        sb.Append("<h2>Create a token</h2>\n<form method=\"post\" action=\"").Append(Path).Append("\" class=\"narrow\" novalidate>").Append(Antiforgery(http))
          .Append(Field("name", "Name", typed?["name"].ToString() ?? "", errors, hint: "what it is for, e.g. nightly import"))
          .Append(Field("expiresInDays", "Expires after (days)", typed?["expiresInDays"].ToString() ?? "90", errors, hint: "1 to 3650; empty for no expiry", extra: "inputmode=\"numeric\""))
          .Append("<p><button type=\"submit\" class=\"primary\">Create the token</button></p></form>");
        return Page(http, "Access tokens", sb.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
