using System.Collections.Concurrent;
using Recommit.Import.AdminApi;
using Recommit.Usage;

namespace Recommit.Import.Tests.AdminApi;

public sealed class AdminPullTests : IDisposable
{
    private const string Key = "sk-ant-admin01-TESTKEY-abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 4, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly AdminApiStub _stub = new(Key) { SlowDelay = TimeSpan.FromSeconds(6) };
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-pull-").FullName;
    private readonly ConcurrentQueue<string> _log = new();

    private AnthropicAdminClient Client(string key = Key, int attempts = 5) => _stub.Client(key, attempts, TimeSpan.FromSeconds(2), _log.Enqueue);

    private string Out => Path.Combine(_dir, "usage.csv");

    private static PullRequest Daily(bool cost = false, bool analytics = false) =>
        new(From, To, "1d", AdminQuery.DefaultUsageGroupBy, cost, analytics);

    private async Task<PullResult> Pull(PullRequest request, string key = Key, int attempts = 5)
    {
        using var client = Client(key, attempts);
        return await AdminPull.RunAsync(client, request, Out, null);
    }

    private static void AssertStubTotals(UsageCube cube, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var expected = AdminApiStub.ExpectedUsage(from, to, step);
        Assert.True(expected[0] > 0);
        for (var k = 0; k < 6; k++) Assert.Equal(expected[k], cube.TotalTokens((TokenKind)k));
    }

    [Fact]
    public async Task Clean_pull_pages_through_and_matches_the_served_totals()
    {
        var result = await Pull(Daily());

        AssertStubTotals(result.Usage.Cube, From, To, TimeSpan.FromDays(1));
        Assert.Equal(2, result.PagesFetched); // 45 days at 31 buckets per page
        Assert.True(result.Usage.Report.Reconciles);
        Assert.Equal(0, result.Usage.Report.Rejected);
        var empty = EmptyBuckets(From, To, TimeSpan.FromDays(1));
        Assert.InRange(empty, 1, 44);
        Assert.Equal((45 - empty) * 27, result.Usage.Report.RowsRead);
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
        Assert.False(Directory.Exists(Out + ".pages"));
        Assert.Contains(result.Usage.Cube.Workspaces, w => w.Length == 0); // null workspace_id = default workspace
        var first = _stub.Requests.First();
        Assert.Equal("/v1/organizations/usage_report/messages", first.Path);
        Assert.Equal(Key, first.Key);
        Assert.Equal("2023-06-01", first.Version);
        Assert.Contains("bucket_width=1d", first.Query, StringComparison.Ordinal);
        Assert.Contains("limit=31", first.Query, StringComparison.Ordinal);
        Assert.Contains("group_by[]=workspace_id", Uri.UnescapeDataString(first.Query), StringComparison.Ordinal);
        Assert.Contains("page=page_", _stub.Requests.Last().Query, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(Out);
        Assert.Equal(string.Join(",", global::Recommit.Import.Canonical.CanonicalUsageCsv.Header), csv[0]);
        Assert.Equal(result.Usage.Cube.Count + 1, csv.Length);
    }

    private static int EmptyBuckets(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var n = 0;
        for (var s = from; s < to; s += step)
            if (AdminApiStub.ExpectedUsage(s, s + step, step)[0] == 0) n++;
        return n;
    }

    [Fact]
    public async Task Hourly_buckets_are_summed_to_utc_days()
    {
        var to = From.AddDays(8);
        var result = await Pull(new PullRequest(From, to, "1h", AdminQuery.DefaultUsageGroupBy, false, false));

        AssertStubTotals(result.Usage.Cube, From, to, TimeSpan.FromHours(1));
        Assert.Equal(2, result.PagesFetched); // 192 hours at 168 per page
        var days = result.Usage.Cube.Cells().Select(c => c.Key.Day).Distinct().Count();
        Assert.Equal(8, days);
        Assert.Contains("limit=168", _stub.Requests.First().Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StubFault.RateLimited)]
    [InlineData(StubFault.ServerError)]
    [InlineData(StubFault.Slow)]
    [InlineData(StubFault.TruncatedConnection)]
    [InlineData(StubFault.TruncatedJson)]
    [InlineData(StubFault.NotJson)]
    public async Task A_transient_fault_is_retried_and_the_totals_equal_a_clean_run(StubFault fault)
    {
        _stub.Faults[1] = fault;
        _stub.Faults[3] = fault;

        var result = await Pull(Daily());

        AssertStubTotals(result.Usage.Cube, From, To, TimeSpan.FromDays(1));
        Assert.True(_stub.RequestCount >= 4);
        // Two faults, two retries at least (a loaded machine may time out a healthy attempt too).
        Assert.True(_log.Count(l => l.Contains("retrying", StringComparison.Ordinal)) >= 2, string.Join("\n", _log));
        if (fault == StubFault.RateLimited) Assert.Contains(_log, l => l.Contains("retry-after 1 s", StringComparison.Ordinal));
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
    }

    [Fact]
    public async Task A_page_with_has_more_but_no_next_page_stops_clearly_and_a_rerun_resumes_to_the_same_totals()
    {
        // Request 3 is the first cost page, after both usage pages were saved.
        _stub.Faults[3] = StubFault.MissingNextPage;
        var request = Daily(cost: true);

        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(request));
        Assert.Contains("has_more", e.Message, StringComparison.Ordinal);
        Assert.Contains("next_page", e.Message, StringComparison.Ordinal);
        var cursor = PullCursor.Load(PullCursor.PathFor(Out));
        Assert.NotNull(cursor);

        _stub.Faults.Clear();
        var result = await Pull(request);
        AssertStubTotals(result.Usage.Cube, From, To, TimeSpan.FromDays(1));
        Assert.True(result.Resumed);
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_stops_with_a_cursor_and_the_rerun_fetches_only_the_rest()
    {
        for (var n = 2; n <= 4; n++) _stub.Faults[n] = StubFault.ServerError;
        var request = Daily(cost: true);

        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(request, attempts: 3));
        Assert.Contains("HTTP 500", e.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 3 attempts", e.Message, StringComparison.Ordinal);
        var cursor = PullCursor.Load(PullCursor.PathFor(Out))!;
        Assert.Equal(1, cursor.PagesDone);
        Assert.Equal(0, cursor.Request);
        Assert.StartsWith("page_", cursor.NextPage, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cursor.PagesDirectory, "*.json"));

        var before = _stub.RequestCount;
        var result = await Pull(request);
        AssertStubTotals(result.Usage.Cube, From, To, TimeSpan.FromDays(1));
        Assert.True(result.Resumed);
        Assert.Equal(3, result.PagesFetched); // the second usage page and two cost pages
        Assert.Equal(before + 3, _stub.RequestCount);
        Assert.Contains("page=page_", _stub.Requests.ElementAt(before).Query, StringComparison.Ordinal);
        Assert.NotNull(result.Cost);
    }

    [Theory]
    [InlineData(StubFault.TruncatedJson, "not complete JSON")]
    [InlineData(StubFault.NotJson, "not complete JSON")]
    [InlineData(StubFault.RateLimited, "HTTP 429")]
    public async Task A_body_that_stays_bad_fails_clearly_after_the_bounded_retries(StubFault fault, string message)
    {
        for (var n = 1; n <= 3; n++) _stub.Faults[n] = fault;

        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(Daily(), attempts: 3));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 3 attempts", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, _stub.RequestCount);
        // Nothing was saved: no cursor that records no progress, no empty pages folder.
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
        Assert.False(Directory.Exists(Out + ".pages"));
    }

    [Fact]
    public async Task A_cursor_from_a_pull_with_other_options_is_not_resumed()
    {
        _stub.Faults[3] = StubFault.MissingNextPage;
        await Assert.ThrowsAsync<AdminApiException>(() => Pull(Daily(cost: true)));

        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(new PullRequest(From, To, "1h", AdminQuery.DefaultUsageGroupBy, false, false)));
        Assert.Contains("other options", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_and_analytics_give_spend_by_month_and_the_effective_discount()
    {
        var from = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);
        var result = await Pull(new PullRequest(from, to, "1d", AdminQuery.DefaultUsageGroupBy, true, true));

        // Cost report: "12345.678" cents per model per day = $123.45678.
        var days = (to - from).Days;
        Assert.Equal(123.45678m * 3 * days, result.Cost!.BilledUsd.Value);
        Assert.Null(result.Cost.EffectiveDiscount);
        // Analytics: 8000.5 post-discount against 10000.625 list, in ≤ 31-day windows with the beta header.
        Assert.Equal(1m - 8000.5m / 10000.625m, result.Analytics!.EffectiveDiscount);
        Assert.Equal(100.00625m * 3 * days, result.Analytics.ListUsd!.Value.Value);
        var analytics = _stub.Requests.Where(r => r.Path.EndsWith("/analytics/cost", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, analytics.Count); // 69 days
        Assert.All(analytics, r => Assert.Equal("analytics-usage-cost-2026-08-24", r.Beta));
        foreach (var r in analytics)
        {
            var q = System.Web.HttpUtility.ParseQueryString(r.Query);
            var span = DateTimeOffset.Parse(q["ending_at"]!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(q["starting_at"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(span <= TimeSpan.FromDays(31), r.Query);
        }
        Assert.Contains(result.Analytics.Spend.Rows, row => row.Month == new Time.YearMonth(2026, 2) && row.ModelOrFamily == "claude-opus-4-1" && row.ListUsd.Value == 100.00625m * 28);
        Assert.True(File.Exists(AdminPull.SpendPath(Out)));
        Assert.Null(_stub.Requests.First().Beta);
    }

    [Fact]
    public async Task The_admin_key_never_appears_in_messages_logs_cursor_or_output()
    {
        // A refused key whose error body echoes the key back.
        const string wrong = "sk-ant-admin01-WRONGKEY-zyxwvutsrqponmlkjihgfedcba9876543210";
        var e = await Assert.ThrowsAsync<AdminApiException>(() => Pull(Daily(), key: wrong));
        Assert.Contains("HTTP 401", e.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);

        // A faulty pull that logs retries, stops with a cursor, then resumes and writes everything.
        // Requests 2 and 3 are the first usage page (refused once, then served), 4 the second, 5 the first cost page.
        _stub.Faults[2] = StubFault.RateLimited;
        _stub.Faults[5] = StubFault.MissingNextPage;
        var e2 = await Assert.ThrowsAsync<AdminApiException>(() => Pull(Daily(cost: true)));
        var texts = new List<string> { e.ToString(), e2.ToString(), string.Join('\n', _log), AdminKey.Of(Key).ToString() };
        texts.Add(await File.ReadAllTextAsync(PullCursor.PathFor(Out)));
        _stub.Faults.Clear();
        using (var client = Client())
            await AdminPull.RunAsync(client, Daily(cost: true), Out, Path.Combine(_dir, "pages"));
        texts.Add(await File.ReadAllTextAsync(Out));
        texts.AddRange(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        texts.Add(string.Join('\n', _log));
        foreach (var t in texts)
        {
            Assert.DoesNotContain(Key, t, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, t, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Saved_pages_reimport_offline_to_the_same_cube_and_are_never_overwritten_by_another_pull()
    {
        var pages = Path.Combine(_dir, "pages");
        PullResult online;
        using (var client = Client())
            online = await AdminPull.RunAsync(client, Daily(), Out, pages);

        var offline = UsageReportJson.ReadMany(AdminPull.Pages(pages, AdminEndpoint.UsageMessages));
        Assert.Equal(online.Usage.Cube.Cells(), offline.Cube.Cells());

        using (var client = Client())
        {
            var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Daily(), Path.Combine(_dir, "other.csv"), pages));
            Assert.Contains("already holds 2 saved page(s)", e.Message, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _stub.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
