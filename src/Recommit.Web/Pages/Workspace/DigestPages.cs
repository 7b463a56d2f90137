using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Digest;
using Recommit.Web.Pricing;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// The weekly pricing digest in the analysts' workspace (docs/pricing.md, "Weekly digest"): <c>/accounts/digest?week=…</c>
/// shows the week's moves and, for each account the user may see, what they do to its reforecast and its deal, and the
/// counters with their values — the same digest, from the same cache, as <c>/digest.atom</c> and <c>/api/digest</c>, to
/// which the page links (<c>rel="alternate"</c>).
/// </summary>
internal static class DigestPages
{
    public static IEndpointRouteBuilder MapDigestPage(this IEndpointRouteBuilder app, DigestCache cache)
    {
        app.MapGet("/accounts/digest", (string? week, HttpContext http, ClaimsPrincipal user, StoreContext db, CancellationToken ct) => DigestAsync(week, http, user, db, cache, ct))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DigestAsync(string? week, HttpContext http, ClaimsPrincipal user, StoreContext db, DigestCache cache, CancellationToken ct)
    {
        if (!DigestApi.TryWeek(week, out var day))
        {
            var errors = new Dictionary<string, string> { ["week"] = $"expected a day as yyyy-MM-dd, found '{week}'" };
            return Page(http, "Pricing digest", "<h1>Pricing digest</h1>\n" + WeekForm(week, errors), StatusCodes.Status400BadRequest);
        }
        var digest = await DigestApi.DigestAsync(day, user, db, cache, ct);
        var monday = Iso(digest.WeekStart);
        var feed = "/digest.atom?week=" + monday;
        http.Items[AlternateFeedKey] = feed;
        var sb = new StringBuilder("<h1>Pricing digest, ").Append(monday).Append(" to ").Append(Iso(digest.WeekEnd)).Append("</h1>\n");
        sb.Append("<p class=\"meta\">Price book ").Append(E(digest.PriceBookVersion)).Append(". Each account's analysis is re-run under the book without and with the week's moves, on the same seed and paths; savings and values are simulated means.</p>\n");
        sb.Append(WeekForm(monday, new Dictionary<string, string>()));
        sb.Append("<nav class=\"downloads\" aria-label=\"This digest elsewhere\"><a rel=\"alternate\" type=\"application/atom+xml\" href=\"").Append(E(feed))
          .Append("\">Atom feed</a><a href=\"/api/digest?week=").Append(monday).Append("\">JSON</a></nav>\n");
        sb.Append(Moves(digest));
        sb.Append("<h2>Impact per account</h2>\n");
        if (digest.Accounts.IsEmpty) sb.Append("<p>No account is shared with you yet.</p>\n");
        foreach (var a in digest.Accounts) sb.Append(Account(a));
        return Page(http, "Pricing digest " + monday, sb.ToString());
    }

    private static string WeekForm(string? week, IReadOnlyDictionary<string, string> errors) =>
        "<form method=\"get\" action=\"/accounts/digest\" class=\"inline\">" +
        Field("week", "Any day of the week (yyyy-MM-dd)", week, errors, hint: "Monday to Sunday; the digest covers the whole week") +
        "<p><button type=\"submit\">Show the week</button></p></form>\n";

    private static string Moves(PriceDigest digest)
    {
        var sb = new StringBuilder("<section id=\"moves\"><h2>Moves</h2>\n");
        if (digest.Moves.IsEmpty) return sb.Append("<p>No pricing moves took effect this week.</p></section>\n").ToString();
        sb.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Effective</th><th scope=\"col\">Model</th><th scope=\"col\">Move</th><th scope=\"col\" class=\"num\">Old (per MTok)</th><th scope=\"col\" class=\"num\">New (per MTok)</th><th scope=\"col\" class=\"num\">Change</th></tr></thead><tbody>");
        foreach (var m in digest.Moves)
            sb.Append("<tr><td>").Append(m.Effective is { } e ? Iso(e) : "since launch").Append("</td><td>").Append(E(m.Model.Value)).Append("</td><td>")
              .Append(E(m.Kind switch { PriceMoveKind.NewModel => "new model", PriceMoveKind.Retired => "retired", _ => m.Rate }))
              .Append("</td><td class=\"num\">").Append(Rate(m.Old)).Append("</td><td class=\"num\">").Append(Rate(m.New)).Append("</td><td class=\"num\">")
              .Append(m.ChangePercent is { } p ? p.ToString("+0.#;-0.#", CultureInfo.InvariantCulture) + " %" : "").Append("</td></tr>");
        return sb.Append("</tbody></table></section>\n").ToString();
    }

    private static string Account(AccountImpact a)
    {
        var sb = new StringBuilder("<section class=\"impact\" data-account=\"").Append(a.AccountId).Append("\"><h3><a href=\"/accounts/").Append(a.AccountId).Append("\">")
          .Append(E(a.Account)).Append("</a></h3>\n");
        if (a.Before is { } b && a.After is { } n)
        {
            sb.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\" class=\"num\">Before the moves</th><th scope=\"col\" class=\"num\">After</th><th scope=\"col\" class=\"num\">Change</th></tr></thead><tbody>");
            Row(sb, "Cost of doing nothing (mean)", b.CostOfDoingNothing, n.CostOfDoingNothing);
            if (b.ProjectedPosition is { } pb && n.ProjectedPosition is { } pn) Row(sb, "Projected period-end position (P50, + over)", pb, pn);
            Row(sb, "Bill for the rest of the term (mean)", b.TotalBill, n.TotalBill);
            sb.Append("</tbody></table>\n<p class=\"deal\">").Append(E(DigestText.Deal(a))).Append("</p>\n");
        }
        else if (a.Skipped is { } why) sb.Append("<p class=\"meta\">Not re-analysed: ").Append(E(why)).Append(".</p>\n");
        if (!a.Counters.IsEmpty)
        {
            sb.Append("<ul class=\"counters\">");
            foreach (var c in a.Counters)
                sb.Append("<li><strong>").Append(E(DigestJson.Kebab(c.Kind))).Append("</strong>: ").Append(E(c.Sentence)).Append("</li>");
            sb.Append("</ul>\n");
        }
        return sb.Append("</section>\n").ToString();
    }

    private static void Row(StringBuilder sb, string label, decimal before, decimal after) =>
        sb.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td class=\"num\">").Append(Usd(before)).Append("</td><td class=\"num\">").Append(Usd(after))
          .Append("</td><td class=\"num\">").Append((Whole(after) - Whole(before)).ToString("+$#,##0;-$#,##0;$0", CultureInfo.InvariantCulture)).Append("</td></tr>");

    private static string Usd(decimal v) => Whole(v).ToString("$#,##0;-$#,##0", CultureInfo.InvariantCulture);

    /// <summary>Whole dollars as shown, so a change is the difference of the two figures beside it.</summary>
    private static decimal Whole(decimal v) => Math.Round(v, 0, MidpointRounding.AwayFromZero);

    private static string Rate(decimal? v) => v is { } r ? "$" + r.ToString("0.00####", CultureInfo.InvariantCulture) : "";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
