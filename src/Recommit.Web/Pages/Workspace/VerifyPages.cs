using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Money;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Verify;
using Recommit.Web.Accounts;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// <c>/accounts/{id}/verify</c>: verified savings of a signed account (docs/method.md §9): the stored runs, a form that
/// runs one between two of the account's contract versions over its stored usage (the same <see cref="VerifyRunner"/>
/// as <c>POST /api/accounts/{id}/verify</c>), and each run's statement: the old contract's bill for the actual usage
/// against the new one's, month by month, with the gainshare fee accrued. Every figure is the stored statement's.
/// </summary>
internal static class VerifyPages
{
    public static IEndpointRouteBuilder MapVerifyPages(this IEndpointRouteBuilder app)
    {
        var account = AccountsApi.AccountGroup(app.MapGroup("")).ExcludeFromDescription();
        account.MapGet("/verify", (HttpContext http, int accountId, StoreContext db, CancellationToken ct) => ListAsync(http, accountId, db, null, null, ct));
        account.MapPost("/verify", RunAsync);
        account.MapGet("/verify/{runId:int}", RunPageAsync);
        return app;
    }

    private static async Task<IResult> RunAsync(HttpContext http, int accountId, IFormCollection form, StoreContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        int Whole(string name)
        {
            if (int.TryParse(form[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors.TryAdd(name, $"{name}: choose a contract version");
            return 0;
        }
        var (oldVersion, newVersion) = (Whole("oldVersion"), Whole("newVersion"));
        decimal? share = null;
        var shareText = form["share"].ToString().Trim();
        if (shareText.Length > 0)
        {
            if (decimal.TryParse(shareText, NumberStyles.Number, CultureInfo.InvariantCulture, out var s)) share = s;
            else errors["share"] = $"share: '{shareText}' is not a number (a fraction such as 0.25)";
        }
        var to = form["to"].ToString().Trim();
        if (errors.Count == 0)
        {
            try
            {
                var run = await new VerifyRunner(db, PriceBook.Default).RunAsync(accountId,
                    new VerifyOptions(oldVersion, newVersion, form["from"].ToString().Trim(), to.Length == 0 ? null : to, share), ct);
                return Results.Redirect($"/accounts/{accountId}/verify/{run.Id}");
            }
            catch (InputException e)
            {
                var field = e.Message.Split(':', 2)[0];
                errors[field is "oldVersion" or "newVersion" or "from" or "to" or "share" ? field : "from"] = e.Message;
            }
        }
        return await ListAsync(http, accountId, db, errors, form, ct);
    }

    private static async Task<IResult> ListAsync(HttpContext http, int accountId, StoreContext db, Dictionary<string, string>? errors, IFormCollection? typed, CancellationToken ct)
    {
        errors ??= [];
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        var sb = new StringBuilder("<h1>Verified savings: ").Append(E(account.Name)).Append("</h1>\n<p class=\"lead\">After a renegotiation is signed, the actual usage is billed " +
            "under the old contract (what would have been paid) and the new one (what is paid); the difference, month by month, is the verified saving the gainshare fee is " +
            "charged on. <a href=\"/accounts/").Append(accountId).Append("\">Back to the account</a>.</p>\n");
        var runs = await db.VerifyRuns.AsNoTracking().Where(v => v.AccountId == accountId).OrderByDescending(v => v.Id).ToListAsync(ct);
        if (runs.Count == 0) sb.Append("<p>No verified-savings run yet.</p>\n");
        else
        {
            sb.Append("<table class=\"list\"><caption>Runs</caption><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Ran</th></tr></thead><tbody>");
            foreach (var r in runs)
                sb.Append("<tr><td><a href=\"/accounts/").Append(accountId).Append("/verify/").Append(r.Id).Append("\">").Append(E(r.Name)).Append("</a></td><td>")
                  .Append(r.CreatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</td></tr>");
            sb.Append("</tbody></table>\n");
        }
        var versions = await db.ContractVersions.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Version)
            .Select(c => new { c.Version, c.Label }).ToListAsync(ct);
        sb.Append("<h2>Run verified savings</h2>\n");
        if (versions.Count < 2)
        {
            sb.Append("<p>Verified savings compare two contract versions: store the signed contract as a new version (API or <code>recommit</code>) first.</p>");
            return Page(http, "Verified savings: " + account.Name, sb.ToString());
        }
        string V(string name, string fallback) => typed?[name].ToString() ?? fallback;
        sb.Append("<form method=\"post\" action=\"/accounts/").Append(accountId).Append("/verify\" novalidate>").Append(Antiforgery(http)).Append("<div class=\"grid\">");
        foreach (var (name, label, fallback) in new[] { ("oldVersion", "Old contract (the counterfactual)", versions[^2].Version), ("newVersion", "New contract (signed)", versions[^1].Version) })
        {
            var chosen = V(name, fallback.ToString(CultureInfo.InvariantCulture));
            sb.Append("<div class=\"field").Append(errors.ContainsKey(name) ? " invalid" : "").Append("\"><label for=\"f-").Append(name).Append("\">").Append(label)
              .Append("</label><select id=\"f-").Append(name).Append("\" name=\"").Append(name).Append('"')
              .Append(errors.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"f-{name}-error\"" : "").Append('>');
            foreach (var v in versions)
                sb.Append("<option value=\"").Append(v.Version).Append('"').Append(chosen == v.Version.ToString(CultureInfo.InvariantCulture) ? " selected" : "")
                  .Append(">version ").Append(v.Version).Append(": ").Append(E(v.Label)).Append("</option>");
            sb.Append("</select>");
            if (errors.TryGetValue(name, out var error)) sb.Append("<p class=\"error\" id=\"f-").Append(name).Append("-error\" role=\"alert\">").Append(E(error)).Append("</p>");
            sb.Append("</div>");
        }
        sb.Append(Field("from", "First month (yyyy-MM)", V("from", ""), errors, hint: "usually the signing month"))
          .Append(Field("to", "Last month (yyyy-MM)", V("to", ""), errors, hint: "empty: the last month with usage"))
          .Append(Field("share", "Gainshare", V("share", ""), errors, hint: "a fraction; empty: the default 0.25", extra: "inputmode=\"decimal\""))
          .Append("</div><p><button type=\"submit\" class=\"primary\">Run</button></p></form>");
        return Page(http, "Verified savings: " + account.Name, sb.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RunPageAsync(HttpContext http, int accountId, int runId, StoreContext db, CancellationToken ct)
    {
        var run = await db.VerifyRuns.AsNoTracking().FirstOrDefaultAsync(v => v.AccountId == accountId && v.Id == runId, ct);
        if (run is null)
            return Page(http, "Run not found", $"<h1>Run not found</h1><p>This account has no verified-savings run {runId}. <a href=\"/accounts/{accountId}/verify\">The account's runs</a>.</p>",
                StatusCodes.Status404NotFound);
        var s = JsonNode.Parse(run.Json)!;
        static Usd Dollars(JsonNode? n) => new(n!.GetValue<decimal>());
        var share = s["share"]!.GetValue<decimal>();
        var totals = s["totals"]!;
        var (savings, fee) = (Dollars(totals["savings"]), Dollars(totals["fee"]));
        var sb = new StringBuilder("<h1>Verified savings: ").Append(E(run.Name)).Append("</h1>\n<p class=\"meta\"><a href=\"/accounts/").Append(accountId)
          .Append("/verify\">All runs of this account</a></p>\n<div class=\"report\"><section id=\"verified\">\n<p>")
          .Append(E(Text($"{s["newContract"]} against {s["oldContract"]}, signed {s["signed"]}, months {s["from"]} to {s["to"]}."))).Append("</p>\n<blockquote><p>")
          .Append(E(savings > Usd.Zero
              ? Text($"Verified savings over the window are {savings}; a {Percent(share)} gainshare fee on them is {fee}.")
              : Text($"Verified savings over the window are {savings}, not above zero, so a {Percent(share)} gainshare fee on this window is {fee}.")))
          .Append("</p></blockquote>\n<table tabindex=\"0\"><thead><tr><th scope=\"col\">Month</th>");
        foreach (var heading in new[] { "List usage", "Old bill", "New bill", "Savings", "Cumulative", "Fee to date" })
            sb.Append("<th scope=\"col\" class=\"num\">").Append(heading).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var m in s["months"]!.AsArray())
        {
            sb.Append("<tr><td>").Append(E(m!["month"]!.ToString())).Append("</td>");
            foreach (var key in new[] { "listUsage", "oldBill", "newBill", "savings", "cumulative", "fee" })
                sb.Append("<td class=\"num\">").Append(Dollars(m[key])).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("<tr class=\"total\"><th scope=\"row\">Total</th><td></td><td class=\"num\">").Append(Dollars(totals["oldBill"])).Append("</td><td class=\"num\">")
          .Append(Dollars(totals["newBill"])).Append("</td><td class=\"num\">").Append(savings).Append("</td><td></td><td class=\"num\">").Append(fee).Append("</td></tr></tbody></table>\n");
        var stub = Dollars(s["stubTrueUp"]);
        if (stub != Usd.Zero)
            sb.Append("<p>").Append(E(Text($"The signing month's new bill includes the stub's true-up of {stub} (the old period closed pro rata at {s["signed"]})."))).Append("</p>\n");
        sb.Append("<p class=\"downloads\"><a href=\"/api/accounts/").Append(accountId).Append("/verify/").Append(runId).Append("\" download=\"verified-savings.json\">Download the statement (JSON)</a></p>\n");
        sb.Append("</section></div>\n");
        return Page(http, "Verified savings: " + run.Name, sb.ToString());
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
