using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Forecasting;
using Recommit.Pricing;
using Recommit.Reports;
using Recommit.Reports.Charts;
using Recommit.Reports.Focus;
using Recommit.Reports.Html;
using Recommit.Reports.Markdown;
using Recommit.Storage;
using Recommit.Storage.Analyses;
using Recommit.Storage.Scenarios;
using Recommit.Storage.Usage;
using Recommit.Storage.Users;
using Recommit.Web.Accounts;
using Recommit.Web.Analyses;
using Recommit.Web.Auth;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// The analysts' workspace under <c>/accounts</c> (signed in; anonymous visitors are sent to <c>/signin</c>): the
/// accounts list, each account's page with the report's sections and charts for its latest analysis, what-if
/// controls that re-run the engine and swap the figures in place, downloads, and the intake inbox for admins.
/// An account's page re-runs its latest analysis' stored request (same seed, paths, as-of date and contract
/// version) to draw the charts, once per analysis (cached), since the store keeps analysis.json rather than the
/// engine's objects.
/// </summary>
internal static class AccountPages
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapWorkspacePages(this IEndpointRouteBuilder app)
    {
        app.MapSignInPages().MapUserPages().MapTokenPages().MapVerifyPages();
        app.MapGet("/accounts", ListAsync).ExcludeFromDescription();
        app.MapGet("/accounts/intake", InboxAsync).RequireAuthorization(WebAuth.AdminPolicy).ExcludeFromDescription();
        var account = AccountsApi.AccountGroup(app.MapGroup("")).ExcludeFromDescription();
        account.MapGet("/", AccountAsync);
        account.MapPost("/analyses", StartAsync);
        account.MapPost("/what-if", WhatIfAsync);
        account.MapPost("/package", PackageAsync);
        account.MapGet("/report.html", async (int accountId, StoreContext db, IMemoryCache cache, CancellationToken ct) =>
            await LatestAsync(db, cache, accountId, ct) is { } v ? Download(HtmlReport.Render(v.Result, v.Charts), "text/html", "report.html") : NoAnalysis());
        account.MapGet("/report.md", async (int accountId, StoreContext db, IMemoryCache cache, CancellationToken ct) =>
            await LatestAsync(db, cache, accountId, ct) is { } v ? Download(MarkdownReport.Render(v.Result), "text/markdown", "report.md") : NoAnalysis());
        account.MapGet("/analysis.json", async (int accountId, StoreContext db, CancellationToken ct) =>
            await LatestRecord(db, accountId).Select(a => a.ResultJson).FirstOrDefaultAsync(ct) is { } json ? Download(json, "application/json", "analysis.json") : NoAnalysis());
        account.MapGet("/brief.md", async (int accountId, StoreContext db, IMemoryCache cache, CancellationToken ct) =>
            await LatestAsync(db, cache, accountId, ct) is { } v ? Download(NegotiationBrief.Markdown(v.Result), "text/markdown", "brief.md") : NoAnalysis());
        account.MapGet("/focus-contract-commitment.csv", async (int accountId, StoreContext db, CancellationToken ct) =>
            await LatestContract(db, accountId, ct) is { } contract
                ? Download(FocusCsv.ContractCommitment(contract, FocusCommitment.Build(contract)), "text/csv", "focus-contract-commitment.csv") : NoAnalysis());
        account.MapGet("/focus-cost-and-usage.csv", async (int accountId, StoreContext db, CancellationToken ct) =>
        {
            if (await LatestContract(db, accountId, ct) is not { } contract) return NoAnalysis();
            var (cube, spend) = await new UsageStore(db).ReadAsync(accountId, ct);
            var usage = FamilyListUsage.Monthly(cube.Count > 0 ? cube : null, cube.Count > 0 ? null : spend, PriceBook.Default);
            return Download(FocusCsv.CostAndUsage(contract, FocusCostAndUsage.Build(contract, usage)), "text/csv", "focus-cost-and-usage.csv");
        });
        return app;
    }

    /// <summary>The account's latest contract version (what the FOCUS exports describe), or null when none is stored.</summary>
    private static async Task<Contract?> LatestContract(StoreContext db, int accountId, CancellationToken ct) =>
        await db.ContractVersions.AsNoTracking().Where(c => c.AccountId == accountId).OrderByDescending(c => c.Version).Select(c => c.Json).FirstOrDefaultAsync(ct) is { } json
            ? ContractJson.Parse(json, "contract") : null;

    private static IResult Download(string text, string type, string name) =>
        Results.File(Encoding.UTF8.GetBytes(text), type + "; charset=utf-8", name);

    private static IResult NoAnalysis() => Results.Problem("accountId: this account has no finished analysis yet", statusCode: StatusCodes.Status404NotFound);

    private static IQueryable<AnalysisRecord> LatestRecord(StoreContext db, int accountId) =>
        db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId && a.Status == AnalysisStatus.Done).OrderByDescending(a => a.CreatedUtc);

    private sealed record Latest(AnalysisRecord Record, AnalysisResult Result, System.Collections.Immutable.ImmutableArray<Chart> Charts);

    private static async Task<Latest?> LatestAsync(StoreContext db, IMemoryCache cache, int accountId, CancellationToken ct, FitCache? fits = null)
    {
        var record = await LatestRecord(db, accountId).FirstOrDefaultAsync(ct);
        if (record is null) return null;
        if (cache.TryGetValue(("analysis-view", record.Id), out Latest? hit) && hit is not null) return hit;
        var options = (JsonSerializer.Deserialize<AnalysisOptions>(record.Request, RequestJson) ?? new AnalysisOptions())
            with { ContractVersion = record.ContractVersion, AsOf = record.AsOf };
        var result = await new AnalysisRunner(db, PriceBook.Default, fits).WhatIfAsync(accountId, options, ct);
        var latest = new Latest(record, result, ChartSet.Render(result));
        cache.Set(("analysis-view", record.Id), latest, TimeSpan.FromMinutes(30));
        return latest;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, StoreContext db, CancellationToken ct)
    {
        var q = db.Accounts.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            q = q.Where(a => db.AccountMembers.Any(m => m.AccountId == a.Id && m.UserId == userId));
        }
        var sb = new StringBuilder("<h1>Accounts</h1>\n");
        var accounts = await q.OrderBy(a => a.Name).ToListAsync(ct);
        if (accounts.Count == 0) sb.Append("<p>No account is shared with you yet.</p>");
        else
        {
            sb.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Gap class</th><th scope=\"col\" class=\"num\">Cost of doing nothing (mean)</th><th scope=\"col\">Last analysis</th></tr></thead><tbody>");
            foreach (var a in accounts)
            {
                var last = await LatestRecord(db, a.Id).Select(x => new { x.GapClass, x.CostOfDoingNothingMean, x.FinishedUtc }).FirstOrDefaultAsync(ct);
                sb.Append("<tr><td><a href=\"/accounts/").Append(a.Id).Append("\">").Append(E(a.Name)).Append("</a></td><td>")
                  .Append(E(last?.GapClass ?? "not analysed")).Append("</td><td class=\"num\">")
                  .Append(last?.CostOfDoingNothingMean is { } cost ? E(Money(cost)) : "").Append("</td><td>")
                  .Append(last?.FinishedUtc is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "").Append("</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        return Page(http, "Accounts", sb.ToString());
    }

    private static string Money(decimal value) => value.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private static async Task<IResult> AccountAsync(HttpContext http, int accountId, StoreContext db, IMemoryCache cache, FitCache fits, IOptions<WebOptions> options, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        var sb = new StringBuilder("<h1>").Append(E(account.Name)).Append("</h1>\n");
        var pending = await db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId && (a.Status == AnalysisStatus.Queued || a.Status == AnalysisStatus.Running))
            .OrderByDescending(a => a.CreatedUtc).FirstOrDefaultAsync(ct);
        if (pending is not null)
            sb.Append("<div class=\"progress\" role=\"status\" aria-live=\"polite\"><progress aria-label=\"Analysis progress\"></progress> <span>Analysis ")
              .Append(E(pending.Progress)).Append("…</span></div>\n");
        var failed = await db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId).OrderByDescending(a => a.CreatedUtc).FirstOrDefaultAsync(ct);
        if (failed is { Status: AnalysisStatus.Failed }) sb.Append("<p class=\"notice error\" role=\"alert\">The last analysis failed: ").Append(E(failed.Progress)).Append("</p>\n");
        sb.Append("<form method=\"post\" action=\"/accounts/").Append(accountId).Append("/analyses\" class=\"inline\">").Append(Antiforgery(http))
          .Append("<button type=\"submit\">Run a new analysis</button></form>\n");
        Latest? latest;
        try
        {
            latest = await LatestAsync(db, cache, accountId, ct, fits);
        }
        catch (InputException e)
        {
            sb.Append("<p class=\"notice error\" role=\"alert\">").Append(E(e.Message)).Append("</p>");
            return Page(http, account.Name, sb.ToString());
        }
        if (latest is null)
        {
            sb.Append("<p>No finished analysis yet: import usage and add a contract (API or <code>recommit</code>), then run one.</p>");
            return Page(http, account.Name, sb.ToString(), refreshSeconds: pending is null ? null : 2);
        }
        var r = latest.Record;
        sb.Append("<p class=\"meta\">Latest analysis as of ").Append(r.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(", contract version ")
          .Append(r.ContractVersion).Append(", price book ").Append(E(r.PriceBookVersion)).Append(".</p>\n");
        sb.Append("<nav class=\"downloads\" aria-label=\"Downloads\"><span>Download:</span>");
        foreach (var (file, label) in new[]
        {
            ("report.html", "report.html"), ("report.md", "report.md"), ("brief.md", "brief.md"), ("analysis.json", "analysis.json"),
            ("focus-cost-and-usage.csv", "FOCUS cost and usage"), ("focus-contract-commitment.csv", "FOCUS contract commitments"),
        })
            sb.Append("<a href=\"/accounts/").Append(accountId).Append('/').Append(file).Append("\" download>").Append(label).Append("</a>");
        sb.Append("</nav>\n");
        if (await db.ContractVersions.CountAsync(c => c.AccountId == accountId, ct) > 1)
            sb.Append("<p><a href=\"/accounts/").Append(accountId).Append("/verify\">Verified savings</a>: the signed contract against the old one on the actual usage.</p>\n");
        var defaults = WhatIfForm.Defaults(latest.Result.AsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture), WhatIfPaths(options.Value));
        sb.Append(WhatIfControls(http, accountId, defaults));
        if (latest.Result.Negotiation is not null)
            sb.Append(PackageControls(http, accountId, PackageForm.Defaults(latest.Result), WhatIfPaths(options.Value)))
              .Append("<div id=\"package-value\" aria-live=\"polite\">").Append(DealSummary.Html(latest.Result, "deal")).Append("</div>\n");
        sb.Append("<div id=\"figures\" class=\"report\" aria-live=\"polite\">").Append(Report(HtmlReport.RenderSections(latest.Result, latest.Charts))).Append("</div>\n");
        return Page(http, account.Name, sb.ToString(), refreshSeconds: pending is null ? null : 2);
    }

    private static string WhatIfControls(HttpContext http, int accountId, WhatIfForm values)
    {
        var none = new Dictionary<string, string>();
        var sb = new StringBuilder("<details class=\"whatif\" open><summary>What if…</summary>\n<form method=\"post\" action=\"/accounts/");
        sb.Append(accountId).Append("/what-if\" data-swap=\"#figures\" novalidate>").Append(Antiforgery(http))
          .Append("<p class=\"hint\">Shares are fractions (0.3 = 30 %). An empty share leaves its lever out. The figures below are re-run with these levers only, without storing anything.</p><div class=\"grid\">");
        (string Name, string Label, string? Hint)[] fields =
        [
            ("start", "Levers start (yyyy-MM)", null), ("routing.from", "Route from model", "e.g. claude-opus-4-6"), ("routing.to", "Route to model", "e.g. claude-sonnet-4-6"),
            ("routing.share", "Routing share", null), ("caching.cacheableShare", "Cacheable share of input", null), ("caching.hitRate", "Cache hit rate", null),
            ("batch.share", "Batch share", null), ("threshold", "Gap threshold τ", null), ("paths", "Simulated paths", null),
        ];
        foreach (var (name, label, hint) in fields) sb.Append(Field(name, label, values[name], none, hint: hint));
        sb.Append("</div><p><button type=\"submit\" class=\"primary\">Re-run</button> <span class=\"busy\" role=\"status\" aria-live=\"polite\"></span></p></form></details>\n");
        return sb.ToString();
    }

    private static Task<IResult> WhatIfAsync(HttpContext http, int accountId, IFormCollection form, StoreContext db, FitCache fits, UsageSnapshots usage, IOptions<WebOptions> options, CancellationToken ct)
    {
        var values = WhatIfForm.From(form);
        return InPlaceAsync(http, accountId, db, WhatIfControls(http, accountId, values), "figures", async () =>
        {
            var paths = values.Paths;
            if (paths > options.Value.MaxWhatIfPaths) throw new InputException($"paths: a what-if runs at most {options.Value.MaxWhatIfPaths:N0} paths; run an analysis for more");
            // The what-if changes the levers only: the same as-of date and contract version as the analysis on the page.
            var shown = await ShownAsync(db, accountId, ct);
            var result = await new AnalysisRunner(db, PriceBook.Default, fits, usage).WhatIfAsync(accountId,
                new AnalysisOptions { Paths = paths, Threshold = values.Threshold, Levers = values.LeversJson(), AsOf = shown.AsOf, ContractVersion = shown.ContractVersion }, ct);
            return "<p class=\"notice ok\" role=\"status\">What-if: " + E(Describe(values)) + ", " + paths.ToString("N0", CultureInfo.InvariantCulture) + " paths. Not stored.</p>" +
                Report(HtmlReport.RenderSections(result, ChartSet.Render(result)));
        }, ct);
    }

    /// <summary>The as-of date and contract version of the analysis on the account's page, which what-ifs keep.</summary>
    private static async Task<(DateOnly? AsOf, int ContractVersion)> ShownAsync(StoreContext db, int accountId, CancellationToken ct) =>
        await LatestRecord(db, accountId).Select(a => new { a.AsOf, a.ContractVersion }).FirstOrDefaultAsync(ct) is { } shown
            ? (shown.AsOf, shown.ContractVersion)
            : throw new InputException("accountId: this account has no finished analysis yet; run one first");

    /// <summary>
    /// A what-if form's answer: the fragment the script swaps into <paramref name="target"/>, or, without the script, the
    /// whole page with the form and the answer in that element. An input error is answered in the same place, with 400.
    /// </summary>
    private static async Task<IResult> InPlaceAsync(HttpContext http, int accountId, StoreContext db, string controls, string target, Func<Task<string>> run, CancellationToken ct)
    {
        string html;
        var status = StatusCodes.Status200OK;
        try
        {
            html = await run();
        }
        catch (InputException e)
        {
            html = "<p class=\"notice error\" role=\"alert\">" + E(e.Message) + "</p>";
            status = StatusCodes.Status400BadRequest;
        }
        if (http.Request.Headers["X-Recommit-Swap"] == "1") return Fragment(http, html, status);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        return Page(http, account.Name, "<h1>" + E(account.Name) + "</h1>" + controls + "<div id=\"" + target + "\" class=\"report\">" + html + "</div>", status);
    }

    /// <summary>The paths of a what-if run from the page: enough to rank packages, quick enough to wait for.</summary>
    private static int WhatIfPaths(WebOptions options) => Math.Min(1_000, options.MaxWhatIfPaths);

    private static string PackageControls(HttpContext http, int accountId, PackageForm values, int paths)
    {
        var none = new Dictionary<string, string>();
        var sb = new StringBuilder("<details class=\"whatif\" open><summary>What if we offered this package…</summary>\n<form method=\"post\" action=\"/accounts/");
        sb.Append(accountId).Append("/package\" data-swap=\"#package-value\" class=\"package\" novalidate>").Append(Antiforgery(http))
          .Append("<p class=\"hint\">A replacement contract from the start month, valued for both sides on ").Append(paths.ToString("N0", CultureInfo.InvariantCulture))
          .Append(" simulated paths beside the optimiser's packages; the term is cut into 12-month true-up periods. Billing and the overage terms stay as they are. " +
              "Each run is kept with the account's scenarios.</p><div class=\"grid\">");
        (string Name, string Label, string? Hint, string Mode)[] fields =
        [
            ("package.start", "Start (yyyy-MM)", null, "text"), ("package.annualCommit", "Annual commitment ($)", null, "numeric"),
            ("package.termMonths", "Term (months)", null, "numeric"), ("package.discount", "Committed discount", "a fraction, 0.25 = 25 %", "decimal"),
            ("package.carryover", "Carryover fraction", "share of a shortfall carried", "decimal"), ("package.carryoverCap", "Carryover cap", "share of the period's commitment", "decimal"),
        ];
        foreach (var (name, label, hint, mode) in fields) sb.Append(Field(name, label, values[name], none, hint: hint, extra: mode == "text" ? "" : $"inputmode=\"{mode}\""));
        sb.Append("</div><p><button type=\"submit\" class=\"primary\">Value the package</button> <span class=\"busy\" role=\"status\" aria-live=\"polite\"></span></p></form></details>\n");
        return sb.ToString();
    }

    private static Task<IResult> PackageAsync(HttpContext http, int accountId, IFormCollection form, StoreContext db, FitCache fits, UsageSnapshots usage, IOptions<WebOptions> options, CancellationToken ct)
    {
        var values = PackageForm.From(form);
        var paths = WhatIfPaths(options.Value);
        return InPlaceAsync(http, accountId, db, PackageControls(http, accountId, values, paths), "package-value", async () =>
        {
            // The package is valued against the analysis on the page: its as-of date and contract version.
            var shown = await ShownAsync(db, accountId, ct);
            var contract = ContractJson.Parse(await db.ContractVersions.AsNoTracking().Where(c => c.AccountId == accountId && c.Version == shown.ContractVersion)
                .Select(c => c.Json).SingleAsync(ct), $"contract version {shown.ContractVersion}");
            var run = await new ScenarioRunner(db, PriceBook.Default, fits, usage).RunAsync(accountId, new ScenarioOptions
            {
                Name = "Account page what-if: " + PackageText(values),
                Analysis = new AnalysisOptions { Paths = paths, AsOf = shown.AsOf, ContractVersion = shown.ContractVersion },
                Packages = values.ScenariosJson(contract),
            }, ct);
            return PackageResult(run.Analysis, values, paths);
        }, ct);
    }

    private static string PackageText(PackageForm v) =>
        $"{v["package.annualCommit"]} a year over {v["package.termMonths"]} months from {v["package.start"]} at discount {v["package.discount"]}, carryover {v["package.carryover"]} capped at {v["package.carryoverCap"]}";

    /// <summary>The package as the engine valued it: its figures, its verdict, the zone in one line, and the packages side by side.</summary>
    private static string PackageResult(AnalysisResult result, PackageForm values, int paths)
    {
        var n = result.Negotiation!;
        var sb = new StringBuilder("<p class=\"notice ok\" role=\"status\">Package what-if: ").Append(E(PackageText(values))).Append(", ")
          .Append(paths.ToString("N0", CultureInfo.InvariantCulture)).Append(" paths.</p>\n<section id=\"deal\" class=\"deal\"><h2>This package for both sides</h2>\n")
          .Append(DealSummary.PackageLines(n, PackageForm.Valued(n)));
        if (n.Verdicts.FirstOrDefault(v => v.Package == PackageForm.PackageName) is { } verdict)
            sb.Append("<p class=\"verdict\">Verdict: <strong>").Append(E(verdict.Verdict)).Append("</strong> — ").Append(E(verdict.Reason))
              .Append(verdict.Nearest is { } near ? "; nearest package in the zone: " + E(near) : "").Append(".</p>\n");
        sb.Append("<p class=\"zone-line\">").Append(E(DealSummary.ZoneLine(n.Zone))).Append("</p>\n</section>\n");
        var sections = HtmlReport.RenderSections(result, ChartSet.Render(result), ["recommendation", "packages"]);
        return sb.Append("<div class=\"report\">").Append(Report(WithIdPrefix(sections, "package-"))).Append("</div>").ToString();
    }

    private static string Describe(WhatIfForm v)
    {
        var parts = new List<string>();
        if (v["routing.share"].Length > 0) parts.Add($"routing {v["routing.share"]} of {v["routing.from"]} to {v["routing.to"]}");
        if (v["caching.cacheableShare"].Length > 0 || v["caching.hitRate"].Length > 0) parts.Add($"caching {v["caching.cacheableShare"]} cacheable at hit rate {v["caching.hitRate"]}");
        if (v["batch.share"].Length > 0) parts.Add($"batch {v["batch.share"]}");
        return (parts.Count == 0 ? "no levers" : string.Join("; ", parts) + " from " + v["start"]) + ", τ = " + v["threshold"];
    }

    private static async Task<IResult> StartAsync(int accountId, StoreContext db, AnalysisQueue queue, CancellationToken ct)
    {
        var record = await new AnalysisRunner(db, PriceBook.Default).QueueAsync(accountId, new AnalysisOptions(), ct);
        await queue.EnqueueAsync(record.Id, ct);
        return Results.Redirect($"/accounts/{accountId}");
    }

    private static async Task<IResult> InboxAsync(HttpContext http, StoreContext db, CancellationToken ct)
    {
        var items = await db.IntakeSubmissions.AsNoTracking().OrderByDescending(i => i.Id).Take(500).ToListAsync(ct);
        var sb = new StringBuilder("<h1>Intake inbox</h1>\n");
        if (items.Count == 0) sb.Append("<p>No request yet.</p>");
        else
        {
            sb.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">Name</th><th scope=\"col\">Email</th><th scope=\"col\">Organisation</th><th scope=\"col\">Message</th></tr></thead><tbody>");
            foreach (var i in items)
                sb.Append("<tr><td>").Append(i.CreatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(i.Name))
                  .Append("</td><td>").Append(E(i.Email)).Append("</td><td>").Append(E(i.Organisation)).Append("</td><td class=\"wrap\">").Append(E(i.Message)).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }
        return Page(http, "Intake inbox", sb.ToString());
    }
}
