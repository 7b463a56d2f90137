using System.Collections.Concurrent;
using System.Globalization;
using System.Web;
using Recommit.Import.AdminApi;
using Recommit.Import.Formats;
using Recommit.Usage;

namespace Recommit.Import.Tests.AdminApi;

/// <summary><c>--usage-source analytics</c>: the beta analytics usage endpoint pulled through the loopback stub.</summary>
public sealed class AnalyticsUsagePullTests : IDisposable
{
    private const string Key = "sk-ant-admin01-ANALYTICSKEY-abcdefghijklmnopqrstuvwxyz0123";
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 4, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly AdminApiStub _stub = new(Key);
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-analytics-").FullName;
    private readonly ConcurrentQueue<string> _log = new();

    private string Out => Path.Combine(_dir, "usage.csv");

    private AnthropicAdminClient Client(string key = Key, int attempts = 5) => _stub.Client(key, attempts, TimeSpan.FromSeconds(5), _log.Enqueue);

    private static PullRequest Analytics(DateTimeOffset from, DateTimeOffset to, string bucket = "1d") =>
        new(from, to, bucket, AdminQuery.DefaultAnalyticsUsageGroupBy, false, false) { UsageSource = UsageSource.Analytics };

    private async Task<PullResult> Pull(PullRequest request, string? savePages = null, string key = Key, int attempts = 5)
    {
        using var client = Client(key, attempts);
        return await AdminPull.RunAsync(client, request, Out, savePages);
    }

    private static void AssertServedTotals(PullResult result, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var (sums, buckets) = AdminApiStub.ExpectedAnalyticsUsage(from, to, step);
        Assert.True(sums[0] > 0 && buckets > 0);
        for (var k = 0; k < 6; k++) Assert.Equal(sums[k], result.Usage.Cube.TotalTokens((TokenKind)k));
        var r = result.Usage.Report;
        // Six model × context rows and one code-execution row (no model, rejected) per bucket with usage.
        Assert.Equal((7L * buckets, 6L * buckets, 1L * buckets), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.True(r.Reconciles);
        Assert.All(r.RejectedRows, x => Assert.Contains("model: null or missing: code execution", x.Reason, StringComparison.Ordinal));
    }

    private static TimeSpan Span(string query)
    {
        var q = HttpUtility.ParseQueryString(query);
        return DateTimeOffset.Parse(q["ending_at"]!, CultureInfo.InvariantCulture) - DateTimeOffset.Parse(q["starting_at"]!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_pull_asks_the_analytics_endpoint_in_31_day_windows_with_the_beta_header_and_matches_the_served_totals()
    {
        var pages = Path.Combine(_dir, "pages");
        var result = await Pull(Analytics(From, To), pages);

        AssertServedTotals(result, From, To, TimeSpan.FromDays(1));
        Assert.Equal(UsageSource.Analytics, result.UsageSource);
        var requests = _stub.Requests.ToList();
        Assert.Equal(2, requests.Count); // 45 days: 31 + 14, one page each at 31 buckets per page
        Assert.All(requests, r => Assert.Equal("/v1/organizations/analytics/usage", r.Path));
        Assert.All(requests, r => Assert.Equal("analytics-usage-cost-2026-08-24", r.Beta));
        Assert.All(requests, r => Assert.True(Span(r.Query) <= TimeSpan.FromDays(31), r.Query));
        Assert.Equal(TimeSpan.FromDays(45), TimeSpan.FromTicks(requests.Sum(r => Span(r.Query).Ticks)));
        var query = Uri.UnescapeDataString(requests[0].Query);
        foreach (var g in new[] { "model", "context_window", "inference_geo", "speed" }) Assert.Contains($"group_by[]={g}", query, StringComparison.Ordinal);
        Assert.DoesNotContain("workspace_id", query, StringComparison.Ordinal);
        Assert.Contains("bucket_width=1d", query, StringComparison.Ordinal);
        Assert.Contains("limit=31", query, StringComparison.Ordinal);

        // One workspace, the standard tier, and a note that says so.
        Assert.All(result.Usage.Cube.Cells(), c => Assert.Equal(("", ServiceTier.Standard), (c.Key.Workspace, c.Key.Tier)));
        Assert.Contains(result.Usage.Cube.Cells(), c => c.Key.Band == ContextBand.Long);
        Assert.Contains(result.UsageNotes, n => n.Contains("no service_tier dimension", StringComparison.Ordinal) && n.Contains("standard", StringComparison.Ordinal));
        Assert.Contains(result.UsageNotes, n => n.Contains("no workspace_id dimension", StringComparison.Ordinal));

        // The saved pages are named apart from messages pages and re-import offline to the same cube.
        Assert.Equal(["req000-analytics-usage-p00001.json", "req001-analytics-usage-p00002.json"], Directory.GetFiles(pages).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(AdminPull.Pages(pages, AdminEndpoint.UsageMessages));
        var saved = AdminPull.Pages(pages, AdminEndpoint.AnalyticsUsage);
        Assert.Equal(result.Usage.Cube.Cells(), AnalyticsUsageJson.ReadMany(saved).Cube.Cells());
        Assert.All(saved, p => Assert.Equal(AnalyticsUsageJson.FormatName, UsageFormats.Detect(p).Name));
        var csv = await File.ReadAllLinesAsync(Out);
        Assert.Equal(result.Usage.Cube.Count + 1, csv.Length);
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
    }

    [Theory]
    [InlineData("1h", 8 * 24, 2, "limit=168")]
    [InlineData("1m", 12 * 60, 3, "limit=256")]
    public async Task Narrow_buckets_page_at_the_analytics_limits_and_sum_to_days(string bucket, int buckets, int pages, string limit)
    {
        var step = bucket == "1h" ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1);
        var to = From + step * buckets;
        var result = await Pull(Analytics(From, to, bucket));

        AssertServedTotals(result, From, to, step);
        Assert.Equal(pages, result.PagesFetched);
        Assert.All(_stub.Requests, r => Assert.Contains(limit, r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rate_limit_and_a_truncated_body_are_retried_and_the_totals_equal_a_clean_run()
    {
        _stub.Faults[1] = StubFault.RateLimited;
        _stub.Faults[3] = StubFault.TruncatedJson;

        var result = await Pull(Analytics(From, To));

        AssertServedTotals(result, From, To, TimeSpan.FromDays(1));
        Assert.Equal(4, _stub.RequestCount);
        Assert.Contains(_log, l => l.Contains("retry-after 1 s", StringComparison.Ordinal));
        Assert.Contains(_log, l => l.Contains("not complete JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pull_that_stops_midway_resumes_to_the_same_totals_and_fetches_only_the_rest()
    {
        var from = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero); // 69 days: three windows
        for (var n = 2; n <= 4; n++) _stub.Faults[n] = StubFault.ServerError;
        var request = Analytics(from, to);

        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(request, attempts: 3));
        Assert.Contains("HTTP 500", e.Message, StringComparison.Ordinal);
        var cursor = PullCursor.Load(PullCursor.PathFor(Out))!;
        Assert.Equal((1, 1), (cursor.Request, cursor.PagesDone));
        Assert.Contains("usage_source=analytics", cursor.Signature, StringComparison.Ordinal);
        Assert.Equal("v1/organizations/analytics/usage", cursor.Endpoint);

        // The same options from the messages report are another pull: the cursor is not theirs.
        var other = await Assert.ThrowsAsync<AdminApiException>(() => Pull(request with { UsageSource = UsageSource.Messages }));
        Assert.Contains("other options", other.Message, StringComparison.Ordinal);

        var before = _stub.RequestCount;
        var result = await Pull(request);
        Assert.True(result.Resumed);
        Assert.Equal(2, result.PagesFetched);
        Assert.Equal(before + 2, _stub.RequestCount);
        AssertServedTotals(result, from, to, TimeSpan.FromDays(1));
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
    }

    [Fact]
    public async Task A_start_before_2026_is_refused_naming_the_earliest_day_and_nothing_is_asked()
    {
        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(Analytics(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), To)));

        Assert.Contains("2026-01-01", e.Message, StringComparison.Ordinal);
        Assert.Contains("--usage-source", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _stub.RequestCount);
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
    }

    [Fact]
    public async Task The_key_never_appears_in_pages_cursor_csv_logs_or_messages()
    {
        const string wrong = "sk-ant-admin01-WRONGANALYTICS-zyxwvutsrqponmlkjihgfedcba98765";
        var refused = await Assert.ThrowsAsync<AdminApiException>(() => Pull(Analytics(From, To), key: wrong));
        Assert.Contains("HTTP 401", refused.Message, StringComparison.Ordinal);

        _stub.Faults[2] = StubFault.RateLimited;
        for (var n = 4; n <= 6; n++) _stub.Faults[n] = StubFault.ServerError;
        // The refused run left a cursor, so this run resumes it: one page saved, then the server keeps failing.
        var stopped = await Assert.ThrowsAsync<AdminApiException>(() => Pull(Analytics(From, To), attempts: 3));
        var texts = new List<string> { refused.ToString(), stopped.ToString() };
        var midway = Directory.GetFiles(_dir, "*", SearchOption.AllDirectories);
        Assert.Contains(midway, f => f.EndsWith("-analytics-usage-p00001.json", StringComparison.Ordinal));
        Assert.Contains(midway, f => f.EndsWith(".cursor.json", StringComparison.Ordinal));
        texts.AddRange(midway.Select(File.ReadAllText));
        _stub.Faults.Clear();
        var result = await Pull(Analytics(From, To));
        Assert.True(result.Resumed);
        texts.AddRange(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        texts.Add(string.Join('\n', _log));
        texts.AddRange(result.UsageNotes);
        texts.AddRange(result.Usage.Report.RejectedRows.Select(x => x.ToString()));
        Assert.True(texts.Count > 6);
        foreach (var t in texts)
        {
            Assert.DoesNotContain(Key, t, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, t, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_of_a_messages_pull_and_an_analytics_pull_are_refused_together()
    {
        var messagesPages = Path.Combine(_dir, "messages");
        var analyticsPages = Path.Combine(_dir, "analytics");
        using (var client = Client())
            await AdminPull.RunAsync(client, new PullRequest(From, To, "1d", AdminQuery.DefaultUsageGroupBy, false, false), Path.Combine(_dir, "m.csv"), messagesPages);
        await Pull(Analytics(From, To), analyticsPages);
        var files = Directory.GetFiles(messagesPages).Concat(Directory.GetFiles(analyticsPages)).ToList();

        Assert.Equal(["analytics-usage", "usage-report"], files.Select(f => UsageFormats.Detect(f).Name).Distinct().Order(StringComparer.Ordinal));
        var e = Assert.Throws<ImportException>(() => UsageFormats.ReadAll(files, null, ImportOptions.Default).ToList());
        Assert.Contains("counted twice", e.Message, StringComparison.Ordinal);

        // Each kind on its own imports.
        var alone = UsageFormats.ReadAll(Directory.GetFiles(analyticsPages), null, ImportOptions.Default).Single();
        Assert.Equal("analytics-usage", alone.Format.Name);
    }

    public void Dispose()
    {
        _stub.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
