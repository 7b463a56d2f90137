using System.Globalization;
using System.Text.RegularExpressions;
using Recommit.Import.Canonical;
using Recommit.Import.Output;

namespace Recommit.Import.AdminApi;

/// <summary>
/// A resumable pull of the Admin API into the canonical usage CSV. After every page it saves the page (streamed by the
/// client into a temporary file beside it, then renamed into place)
/// (<c>reqNNN-usage-pNNNNN.json</c>; <c>analytics-usage</c>, <c>cost</c> or <c>analytics</c> in place of <c>usage</c>
/// for the other endpoints) in the pages folder and then the cursor <c>&lt;out&gt;.cursor.json</c>; running the
/// same pull again resumes from the cursor. When every request is done it reads all saved pages (repeated buckets
/// de-duplicated), writes the CSV (and <c>&lt;out&gt;.spend.csv</c> when cost was asked for), deletes the cursor and,
/// unless the pages were asked to be kept, the pages folder.
/// </summary>
public static class AdminPull
{
    public static async Task<PullResult> RunAsync(
        AnthropicAdminClient client, PullRequest request, string outPath, string? savePagesDirectory,
        ModelNameResolver? resolver = null, Action<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var cursorPath = PullCursor.PathFor(outPath);
        var cursor = PullCursor.Load(cursorPath);
        var resumed = cursor is not null;
        DateTimeOffset endingAt;
        string pagesDir;
        var createdPages = false;
        if (cursor is not null)
        {
            if (cursor.Signature != request.Signature)
                throw new AdminApiException($"{cursorPath}: an interrupted pull with other options is waiting here ({cursor.Signature}); " +
                    "rerun that command to resume it, or delete the cursor to start over");
            endingAt = cursor.EndingAt;
            pagesDir = cursor.PagesDirectory;
        }
        else
        {
            var now = DateTimeOffset.UtcNow;
            endingAt = request.To ?? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            if (request.From >= endingAt)
                throw new AdminApiException($"--from {AdminQuery.Rfc3339(request.From)} is not before the end of the range {AdminQuery.Rfc3339(endingAt)}");
            pagesDir = Path.GetFullPath(savePagesDirectory ?? outPath + ".pages");
            createdPages = !Directory.Exists(pagesDir);
            Directory.CreateDirectory(pagesDir);
            var stale = Directory.EnumerateFiles(pagesDir, "req*-p*.json").ToList();
            if (savePagesDirectory is not null && stale.Count > 0)
                throw new AdminApiException($"--save-pages {savePagesDirectory}: the folder already holds {stale.Count} saved page(s) of another pull; choose an empty folder");
            foreach (var f in stale) File.Delete(f); // leftovers of an abandoned pull in our own temporary folder
        }
        Directory.CreateDirectory(pagesDir);
        // A page body being fetched when a pull was killed: its temporary file (.reqNNN-…-pNNNNN.json.<random>.tmp).
        foreach (var f in Directory.EnumerateFiles(pagesDir, ".req*-p*.json.*.tmp")) AtomicFile.TryDelete(f);

        var plan = request.Plan(endingAt);
        var startRequest = cursor?.Request ?? 0;
        var token = cursor?.NextPage;
        var pagesDone = cursor?.PagesDone ?? 0;
        var fetched = 0;
        long buckets = 0, results = 0;
        // The cursor is first written after a page is saved: a pull that fails before any page (no network) leaves
        // no cursor that records no progress, and no empty pages folder of its own.
        try
        {
            for (var i = startRequest; i < plan.Count; i++)
            {
                var query = plan[i];
                if (i != startRequest) token = null;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var file = Path.Combine(pagesDir, string.Create(CultureInfo.InvariantCulture, $"req{i:000}-{Slug(query.Endpoint)}-p{pagesDone + 1:00000}.json"));
                    var page = await client.GetPageAsync(query, token, file, cancellationToken).ConfigureAwait(false);
                    AtomicFile.MoveInto(page.BodyFile, file);
                    pagesDone++;
                    fetched++;
                    buckets += page.Buckets;
                    results += page.Results;
                    var more = page.HasMore;
                    token = more ? page.NextPage : null;
                    var nextRequest = more ? i : i + 1;
                    new PullCursor(PullCursor.CurrentVersion, request.Signature, endingAt, nextRequest, Slug(plan, nextRequest), Range(plan, nextRequest), token, pagesDone, pagesDir).Save(cursorPath);
                    progress?.Invoke(new PullProgress(i + 1, plan.Count, query.PathName, pagesDone, buckets, results));
                    if (!more) break;
                }
            }
        }
        catch when (fetched == 0 && !resumed)
        {
            if (createdPages && !Directory.EnumerateFileSystemEntries(pagesDir).Any()) Directory.Delete(pagesDir);
            throw;
        }

        var analyticsSource = request.UsageSource == UsageSource.Analytics;
        var fullBuckets = 0;
        UsageImport usage;
        if (analyticsSource) (usage, fullBuckets) = AnalyticsUsageJson.ReadCounted(Pages(pagesDir, AdminEndpoint.AnalyticsUsage), resolver);
        else usage = UsageReportJson.ReadMany(Pages(pagesDir, AdminEndpoint.UsageMessages), resolver);
        var costFiles = Pages(pagesDir, AdminEndpoint.CostReport);
        var cost = request.Cost && costFiles.Count > 0 ? CostReportJson.ReadDetailed(costFiles, resolver) : null;
        var analyticsFiles = Pages(pagesDir, AdminEndpoint.AnalyticsCost);
        var analytics = request.Analytics && analyticsFiles.Count > 0 ? AnalyticsJson.ReadDetailed(analyticsFiles, resolver) : null;

        AtomicFile.WriteText(outPath, w => CanonicalUsageCsv.Write(usage.Cube, w));
        if ((analytics ?? cost) is { } spend) AtomicFile.WriteText(SpendPath(outPath), w => SpendCsv.Write(spend.Spend, w));

        File.Delete(cursorPath);
        if (savePagesDirectory is null && Path.GetFullPath(outPath + ".pages") == pagesDir) Directory.Delete(pagesDir, recursive: true);

        var note = request.Analytics && request.From < PullRequest.AnalyticsEarliest
            ? "the analytics API starts on 2026-01-01; earlier months have no list/discount figures" : null;
        return new PullResult(usage, cost, analytics, fetched, pagesDone, resumed, note)
        {
            UsageSource = request.UsageSource,
            UsageNotes = analyticsSource ? AnalyticsUsageNotes(fullBuckets) : [],
        };
    }

    /// <summary>What a user of analytics usage must know: no service tier or workspace, and any bucket at the group cap.</summary>
    internal static string[] AnalyticsUsageNotes(int fullBuckets)
    {
        var notes = new List<string>
        {
            "the analytics usage endpoint has no service_tier dimension: batch, priority and flex tokens cannot be told apart from standard ones, " +
            "so all usage is priced at the standard tier (batch usage, billed at half price, is overstated)",
            "the analytics usage endpoint has no workspace_id dimension: all usage is in one (empty) workspace",
        };
        if (fullBuckets > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{fullBuckets} bucket(s) hold {AdminQuery.AnalyticsTopGroups} groups, the most the analytics endpoint reports per bucket; smaller groups may be missing (pull with a narrower --bucket or fewer --group-by dimensions)"));
        return [.. notes];
    }

    /// <summary>Where the spend table of a pull is written: <c>&lt;out&gt;.spend.csv</c>.</summary>
    public static string SpendPath(string outPath) => outPath + ".spend.csv";

    /// <summary>The saved page files of one endpoint in a pages folder, in fetch order.</summary>
    public static IReadOnlyList<string> Pages(string pagesDir, AdminEndpoint endpoint)
    {
        // The exact shape reqNNN-<slug>-pNNNNN.json, so that "usage" never picks up "analytics-usage" pages.
        var exact = new Regex($"^req[0-9]{{3,}}-{Regex.Escape(Slug(endpoint))}-p[0-9]{{5,}}\\.json$", RegexOptions.CultureInvariant);
        return [.. Directory.EnumerateFiles(pagesDir, "req*.json").Where(f => exact.IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal)];
    }

    private static string Slug(AdminEndpoint e) => e switch
    {
        AdminEndpoint.UsageMessages => "usage",
        AdminEndpoint.CostReport => "cost",
        AdminEndpoint.AnalyticsUsage => "analytics-usage",
        _ => "analytics",
    };

    private static string Slug(IReadOnlyList<AdminQuery> plan, int i) => i < plan.Count ? plan[i].PathName : "done";
    private static string Range(IReadOnlyList<AdminQuery> plan, int i) =>
        i < plan.Count ? $"{AdminQuery.Rfc3339(plan[i].From)}/{AdminQuery.Rfc3339(plan[i].To)}" : "";

}
