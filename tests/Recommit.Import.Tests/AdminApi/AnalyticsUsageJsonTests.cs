using System.Text;
using Recommit.Import.AdminApi;
using Recommit.Import.Formats;
using Recommit.Usage;

namespace Recommit.Import.Tests.AdminApi;

public sealed class AnalyticsUsageJsonTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "adminapi", name);

    private static long Tokens(UsageCube cube, string model, TokenKind kind) =>
        cube.Cells().Where(c => c.Key.Model == model && c.Key.Kind == kind).Sum(c => c.Tokens);

    private static UsageKey Key(int day, string model, ContextBand band, InferenceGeo geo, Speed speed, TokenKind kind) =>
        new(new DateOnly(2026, 5, day), Channel.Anthropic, "", model, ServiceTier.Standard, band, geo, speed, kind);

    [Fact]
    public void Flat_rows_give_exact_totals_per_kind_and_model_in_one_workspace_at_the_standard_tier()
    {
        var path = Fixture("analytics-usage-flat.json");
        var import = AnalyticsUsageJson.Read(path);
        var r = import.Report;

        Assert.Equal((5L, 3L, 2L), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.True(r.Reconciles);
        Assert.Equal("analytics-usage", r.Format);
        var cube = import.Cube;
        Assert.Equal(6000, Tokens(cube, "claude-sonnet-4-5", TokenKind.UncachedInput));
        Assert.Equal(100, Tokens(cube, "claude-sonnet-4-5", TokenKind.CacheWrite5m));
        Assert.Equal(50, Tokens(cube, "claude-sonnet-4-5", TokenKind.CacheWrite1h));
        Assert.Equal(300, Tokens(cube, "claude-sonnet-4-5", TokenKind.CacheRead));
        Assert.Equal(200 + 700, Tokens(cube, "claude-sonnet-4-5", TokenKind.Output)); // the -1 row is rejected
        Assert.Equal(2, Tokens(cube, "claude-sonnet-4-5", TokenKind.WebSearch));
        Assert.Equal(40, Tokens(cube, "claude-haiku-4-5", TokenKind.UncachedInput));
        Assert.Equal(10, Tokens(cube, "claude-haiku-4-5", TokenKind.CacheRead));
        Assert.Equal(5, Tokens(cube, "claude-haiku-4-5", TokenKind.Output));

        var cells = cube.Cells().ToDictionary(c => c.Key, c => c.Tokens);
        Assert.Equal(5000, cells[Key(1, "claude-sonnet-4-5", ContextBand.Long, InferenceGeo.Us, Speed.Fast, TokenKind.UncachedInput)]);
        Assert.Equal(700, cells[Key(1, "claude-sonnet-4-5", ContextBand.Long, InferenceGeo.Us, Speed.Fast, TokenKind.Output)]);
        Assert.Equal(1000, cells[Key(1, "claude-sonnet-4-5", ContextBand.Standard, InferenceGeo.Global, Speed.Standard, TokenKind.UncachedInput)]);
        Assert.Equal(40, cells[Key(2, "claude-haiku-4-5", ContextBand.Standard, InferenceGeo.Global, Speed.Standard, TokenKind.UncachedInput)]);
        Assert.All(cube.Cells(), c => Assert.Equal(("", ServiceTier.Standard), (c.Key.Workspace, c.Key.Tier)));

        var reasons = r.RejectedRows.Select(x => x.ToString()).ToList();
        Assert.Contains(reasons, x => x.StartsWith(path + ":9: data[0].results[2].model: null or missing: code execution", StringComparison.Ordinal)
                                      && x.Contains("cannot be priced per token", StringComparison.Ordinal));
        Assert.Contains(reasons, x => x == path + ":17: data[1].results[1].output_tokens: -1 is negative");
    }

    [Fact]
    public void Nested_group_and_usage_read_like_flat_rows_and_a_total_alone_is_rejected_naming_the_field()
    {
        var path = Fixture("analytics-usage-nested.json");
        var import = AnalyticsUsageJson.Read(path);
        var r = import.Report;

        Assert.Equal((5L, 3L, 2L), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.True(r.Reconciles);
        var cells = import.Cube.Cells().ToDictionary(c => c.Key, c => c.Tokens);
        // Two products of one model and dimensions on one day are one cell: 1000 + 10 uncached, 200 + 1 output.
        var sonnet = Key(1, "claude-sonnet-4-5", ContextBand.Standard, InferenceGeo.Global, Speed.Standard, TokenKind.UncachedInput);
        Assert.Equal(1010, cells[sonnet]);
        Assert.Equal(100, cells[sonnet with { Kind = TokenKind.CacheWrite5m }]);
        Assert.Equal(50, cells[sonnet with { Kind = TokenKind.CacheWrite1h }]);
        Assert.Equal(300, cells[sonnet with { Kind = TokenKind.CacheRead }]);
        Assert.Equal(201, cells[sonnet with { Kind = TokenKind.Output }]);
        Assert.Equal(2, cells[sonnet with { Kind = TokenKind.WebSearch }]);
        var opus = Key(2, "claude-opus-4-1", ContextBand.Long, InferenceGeo.Us, Speed.Fast, TokenKind.UncachedInput);
        Assert.Equal(70, cells[opus]);
        Assert.Equal(30, cells[opus with { Kind = TokenKind.Output }]);
        Assert.Equal(8, cells.Count);
        Assert.Equal(1080, import.Cube.TotalTokens(TokenKind.UncachedInput));
        Assert.Equal(70, Tokens(import.Cube, "claude-opus-4-1", TokenKind.UncachedInput)); // the 5,000-token total is not imported

        var reasons = r.RejectedRows.Select(x => x.ToString()).ToList();
        Assert.Contains(reasons, x => x.StartsWith(path + ":9: data[0].results[2].usage.total_tokens: only a total is given", StringComparison.Ordinal)
                                      && x.EndsWith("a total cannot be priced by token kind", StringComparison.Ordinal));
        Assert.Contains(reasons, x => x.StartsWith(path + ":16: data[1].results[0].model: null or missing: code execution", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"model\":\"claude-opus-4-1\",\"total_tokens\":50,\"requests\":1}", "data[0].results[0].total_tokens: only a total is given")]
    [InlineData("{\"group\":{\"model\":\"claude-opus-4-1\"},\"usage\":{\"total_tokens\":50,\"output_tokens\":null}}", "data[0].results[0].usage.total_tokens: only a total is given")]
    [InlineData("{\"group\":{\"model\":\"claude-opus-4-1\",\"speed\":\"warp\"},\"usage\":{\"output_tokens\":5}}", "data[0].results[0].group.speed: 'warp' is not one of standard, fast")]
    [InlineData("{\"group\":{\"model\":\"claude-opus-4-1\"},\"usage\":{\"output_tokens\":\"5\"}}", "data[0].results[0].usage.output_tokens: expected a number")]
    [InlineData("{\"group\":[1],\"usage\":{\"output_tokens\":5}}", "data[0].results[0].group: expected an object")]
    public void A_row_that_cannot_be_priced_by_kind_is_rejected_with_its_path(string row, string reason)
    {
        var json = Encoding.UTF8.GetBytes("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"ending_at\":\"2026-05-02T00:00:00Z\",\"results\":[\n" + row + "\n]}],\"has_more\":false}");
        var r = AnalyticsUsageJson.Parse(json, "page.json").Report;

        Assert.Equal((1L, 0L, 1L), (r.RowsRead, r.Accepted, r.Rejected));
        var rejected = Assert.Single(r.RejectedRows);
        Assert.Equal(2, rejected.Line);
        Assert.StartsWith(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_beside_per_kind_counts_is_ignored_and_the_counts_are_kept()
    {
        var json = Encoding.UTF8.GetBytes("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"results\":[{\"group\":{\"model\":\"m\"},\"usage\":{\"total_tokens\":999,\"output_tokens\":7}}]}]}");
        var import = AnalyticsUsageJson.Parse(json, "page.json");
        Assert.Equal(7, Assert.Single(import.Cube.Cells()).Tokens);
    }

    [Fact]
    public void A_row_put_directly_in_data_is_rejected_rather_than_read_as_an_empty_bucket()
    {
        var json = Encoding.UTF8.GetBytes("{\"data\":[\n{\"starting_at\":\"2026-05-01T00:00:00Z\",\"group\":{\"model\":\"m\"},\"usage\":{\"output_tokens\":7}}],\"has_more\":false}");
        var r = AnalyticsUsageJson.Parse(json, "page.json").Report;
        Assert.Equal((1L, 0L, 1L), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.Contains("data[0]: usage counts directly in data[] with no results[]", r.RejectedRows[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, r.RejectedRows[0].Line);
    }

    [Fact]
    public void A_bucket_at_the_endpoints_cap_of_100_groups_is_counted_and_the_pull_notes_say_groups_may_be_missing()
    {
        static string Bucket(int day, int groups) =>
            $"{{\"starting_at\":\"2026-05-{day:00}T00:00:00Z\",\"ending_at\":\"2026-05-{day + 1:00}T00:00:00Z\",\"results\":[" +
            string.Join(',', Enumerable.Range(0, groups).Select(g => $"{{\"model\":\"m{g}\",\"requests\":1,\"output_tokens\":{g + 1}}}")) + "]}";
        var page = Fixtures.Temp($"{{\"data\":[{Bucket(1, 100)},{Bucket(2, 99)},{Bucket(3, 100)}],\"has_more\":false}}", ".json");
        try
        {
            var (usage, full) = AnalyticsUsageJson.ReadCounted([page], null);

            Assert.Equal(2, full);
            Assert.Equal(2 * 5050 + 4950, usage.Cube.TotalTokens(TokenKind.Output));
            Assert.Equal((299L, 299L), (usage.Report.RowsRead, usage.Report.Accepted));
            var notes = AdminPull.AnalyticsUsageNotes(full);
            Assert.Contains(notes, n => n.StartsWith("2 bucket(s) hold 100 groups", StringComparison.Ordinal) && n.Contains("may be missing", StringComparison.Ordinal));
            Assert.Equal(2, AdminPull.AnalyticsUsageNotes(0).Length);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public void Buckets_repeated_across_saved_pages_count_once()
    {
        var path = Fixture("analytics-usage-flat.json");
        var copy = Fixtures.TempBytes(File.ReadAllBytes(path), ".json");
        try
        {
            var once = AnalyticsUsageJson.Read(path);
            var twice = AnalyticsUsageJson.ReadMany([path, copy]);

            Assert.Equal(once.Cube.Cells(), twice.Cube.Cells());
            var r = twice.Report;
            Assert.Equal((10L, 6L, 4L, 3L), (r.RowsRead, r.Accepted, r.Rejected, r.Duplicates));
            Assert.True(r.Reconciles);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Theory]
    [InlineData("analytics-usage-flat.json", "analytics-usage")]
    [InlineData("analytics-usage-nested.json", "analytics-usage")]
    [InlineData("usage-report-official.json", "usage-report")]
    [InlineData("usage-report-hourly-faults.json", "usage-report")]
    [InlineData("analytics-cost.json", "analytics")]
    [InlineData("cost-report-official.json", "cost-report")]
    public void Detection_tells_analytics_usage_pages_from_messages_pages_and_cost_pages(string fixture, string format)
    {
        Assert.Equal(format, UsageFormats.Detect(Fixture(fixture)).Name);
    }

    [Theory]
    [InlineData("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"results\":[{\"model\":\"m\",\"requests\" : 3,\"output_tokens\":1}]}]}", "analytics-usage")]
    [InlineData("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"results\":[{\"group\":\n{\"model\":\"m\"},\"usage\":{\"output_tokens\":1}}]}]}", "analytics-usage")]
    [InlineData("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"results\":[{\"model\":\"m\",\"workspace_id\":\"usage\",\"account_id\":\"product\",\"output_tokens\":1}]}]}", "usage-report")]
    public void Analytics_only_names_count_as_keys_not_as_values(string json, string format)
    {
        var path = Fixtures.Temp(json, ".json");
        try
        {
            Assert.Equal(format, UsageFormats.Detect(path).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Analytics_cost_is_another_name_for_the_analytics_cost_pages()
    {
        Assert.Equal("analytics", UsageFormats.Find("analytics-cost").Name);
        Assert.Equal("analytics", UsageFormats.Find(" Analytics-Cost ").Name);
        Assert.Equal("analytics-usage", UsageFormats.Find("analytics-usage").Name);
        var (format, import) = UsageFormats.Read(Fixture("analytics-usage-flat.json"), "analytics-usage", ImportOptions.Default);
        Assert.Equal("analytics-usage", format.Name);
        Assert.Equal(6000 + 40, import.Cube!.TotalTokens(TokenKind.UncachedInput));
    }

    [Fact]
    public void Messages_usage_pages_and_analytics_usage_pages_are_refused_together()
    {
        var messages = Fixture("usage-report-official.json");
        var analytics = Fixture("analytics-usage-flat.json");

        var e = Assert.Throws<ImportException>(() => UsageFormats.ReadAll([messages, analytics], null, ImportOptions.Default).ToList());

        Assert.Contains(analytics, e.Message, StringComparison.Ordinal);
        Assert.Contains(messages, e.Message, StringComparison.Ordinal);
        Assert.Contains("counted twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analytics_usage_pages_read_together_and_merge_with_spend_files_and_empty_pages()
    {
        // A page of empty buckets has no analytics-only key, so it is detected as a messages page; it holds no usage, so
        // it cannot double count and is let through.
        var empty = Fixtures.Temp("{\"data\":[{\"starting_at\":\"2026-06-01T00:00:00Z\",\"ending_at\":\"2026-06-02T00:00:00Z\",\"results\":[]}],\"has_more\":false,\"next_page\":null}", ".json");
        try
        {
            var read = UsageFormats.ReadAll([Fixture("analytics-usage-flat.json"), Fixture("analytics-usage-nested.json"), empty, Fixture("analytics-cost.json")], null, ImportOptions.Default).ToList();

            Assert.Equal(["usage-report", "analytics-usage", "analytics"], read.Select(x => x.Format.Name));
            // The two fixtures hold the same two days: read in one pass, the later file's buckets replace the earlier's.
            var analytics = read[1].Import;
            Assert.Equal(1010 + 70, analytics.Cube!.TotalTokens(TokenKind.UncachedInput));
            Assert.Equal((10L, 6L, 4L, 3L), (analytics.Report.RowsRead, analytics.Report.Accepted, analytics.Report.Rejected, analytics.Report.Duplicates));
            Assert.Equal(0, read[0].Import.Report.RowsRead);
            Assert.NotNull(read[2].Import.Spend);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
