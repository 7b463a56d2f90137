using System.Text;
using Recommit.Import.AdminApi;
using Recommit.Usage;

namespace Recommit.Import.Tests.AdminApi;

public sealed class UsageReportJsonTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "adminapi", name);

    private static long Tokens(UsageCube cube, Func<UsageKey, bool> where) => cube.Cells().Where(c => where(c.Key)).Sum(c => c.Tokens);

    [Fact]
    public void The_official_example_maps_every_count_to_its_token_kind()
    {
        var import = UsageReportJson.Read(Fixture("usage-report-official.json"));

        var cells = import.Cube.Cells().ToDictionary(c => c.Key.Kind, c => c.Tokens);
        Assert.Equal(1500, cells[TokenKind.UncachedInput]);
        Assert.Equal(500, cells[TokenKind.CacheWrite5m]);
        Assert.Equal(1000, cells[TokenKind.CacheWrite1h]);
        Assert.Equal(200, cells[TokenKind.CacheRead]);
        Assert.Equal(500, cells[TokenKind.Output]);
        Assert.Equal(10, cells[TokenKind.WebSearch]);
        var key = import.Cube.Key(0);
        Assert.Equal(new DateOnly(2025, 8, 1), key.Day);
        Assert.Equal("claude-opus-5", key.Model);
        Assert.Equal("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ", key.Workspace);
        Assert.Equal(Channel.Anthropic, key.Channel);
        Assert.Equal((1, 1, 0), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));
    }

    [Fact]
    public void Hourly_buckets_sum_to_days_and_bad_results_are_rejected_with_their_json_path_and_line()
    {
        var import = UsageReportJson.Read(Fixture("usage-report-hourly-faults.json"));
        var r = import.Report;

        Assert.Equal((7L, 3L, 4L), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.True(r.Reconciles);
        var reasons = r.RejectedRows.Select(x => x.ToString()).ToList();
        Assert.Contains(reasons, x => x.EndsWith(":8: data[0].results[1].output_tokens: -3 is negative", StringComparison.Ordinal));
        Assert.Contains(reasons, x => x.Contains(":16: data[1].results[1].service_tier: 'turbo' is not one of", StringComparison.Ordinal));
        Assert.Contains(reasons, x => x.Contains("data[3].results[0].output_tokens: 1.5 is not a whole number", StringComparison.Ordinal));
        Assert.Contains(reasons, x => x.Contains("data[3].results[1].model: null", StringComparison.Ordinal));
        Assert.All(r.RejectedRows, x => Assert.Equal(Fixture("usage-report-hourly-faults.json"), x.File));

        // 22:00 and 23:00 on May 1 (batch and flex_discount → batch; 200k-1M → long; us; fast; null workspace → "").
        var may1 = new UsageKey(new DateOnly(2026, 5, 1), Channel.Anthropic, "", "claude-sonnet-4-5", ServiceTier.Batch, ContextBand.Long, InferenceGeo.Us, Speed.Fast, TokenKind.UncachedInput);
        var cells = import.Cube.Cells().ToDictionary(c => c.Key, c => c.Tokens);
        Assert.Equal(300, cells[may1]);
        Assert.Equal(30, cells[may1 with { Kind = TokenKind.Output }]);
        var may2 = new UsageKey(new DateOnly(2026, 5, 2), Channel.Anthropic, "wrkspc_X", "claude-haiku-4-5", ServiceTier.Priority, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, TokenKind.UncachedInput);
        Assert.Equal(11, cells[may2]);
        Assert.Equal(4, cells.Count); // zero counts make no cells
    }

    [Theory]
    [InlineData("standard", ServiceTier.Standard)]
    [InlineData("batch", ServiceTier.Batch)]
    [InlineData("priority", ServiceTier.Priority)]
    [InlineData("priority_on_demand", ServiceTier.Priority)]
    [InlineData("flex", ServiceTier.Standard)]
    [InlineData("flex_discount", ServiceTier.Batch)]
    public void Every_documented_service_tier_maps_to_a_priced_tier(string apiTier, ServiceTier expected)
    {
        var json = Page("2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z", $"\"service_tier\":\"{apiTier}\",\"output_tokens\":5");
        var cube = UsageReportJson.Parse(json, "page.json").Cube;
        Assert.Equal(expected, Assert.Single(cube.Cells()).Key.Tier);
    }

    [Theory]
    [InlineData("\"context_window\":\"0-200k\"", ContextBand.Standard, InferenceGeo.Global)]
    [InlineData("\"context_window\":\"200k-1M\",\"inference_geo\":\"not_available\"", ContextBand.Long, InferenceGeo.Global)]
    [InlineData("\"context_window\":null,\"inference_geo\":\"us\"", ContextBand.Standard, InferenceGeo.Us)]
    public void Context_window_and_inference_geo_map_to_band_and_geo(string fields, ContextBand band, InferenceGeo geo)
    {
        var json = Page("2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z", fields + ",\"output_tokens\":5");
        var key = Assert.Single(UsageReportJson.Parse(json, "page.json").Cube.Cells()).Key;
        Assert.Equal((band, geo), (key.Band, key.Geo));
    }

    [Fact]
    public void The_same_bucket_in_two_files_replaces_rather_than_adds_and_counts_duplicates()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.json", Page("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", "\"output_tokens\":5"));
        var b = dir.Write("b.json", PageOf(
            Bucket("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", "\"output_tokens\":7"),
            Bucket("2026-05-01T11:00:00Z", "2026-05-01T12:00:00Z", "\"output_tokens\":100")));

        var import = UsageReportJson.ReadMany([a, b]);

        // The 10:00 bucket counts once, with the later file's 7; the 11:00 bucket adds 100 on the same day.
        Assert.Equal(107, import.Cube.TotalTokens(TokenKind.Output));
        Assert.Equal(1, import.Report.Duplicates);
        Assert.Equal((3L, 3L, 0L), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));

        var twice = UsageReportJson.ReadMany([b, b]);
        Assert.Equal(107, twice.Cube.TotalTokens(TokenKind.Output));
        Assert.Equal(2, twice.Report.Duplicates);
    }

    /// <summary>
    /// Files are read as two halves side by side: the cells add up as one pass would add them (a day split across the
    /// halves included), the counts reconcile, and the first half's rejections come first.
    /// </summary>
    [Fact]
    public void Files_read_as_two_halves_give_what_one_pass_gives()
    {
        using var dir = new TempDir();
        // Five files of two hourly buckets each; day 3's hours are split between file 2 (first half) and file 3 (second).
        string Hour(int day, int hour) => $"2026-05-{day:00}T{hour:00}:00:00Z";
        var files = Enumerable.Range(0, 5).Select(f => dir.Write($"p{f}.json", PageOf(
            Bucket(Hour(1 + (f + 1) / 2, 10 + f), Hour(1 + (f + 1) / 2, 11 + f), $"\"output_tokens\":{f + 1},\"uncached_input_tokens\":{10 * (f + 1)}", f % 2 == 0 ? "claude-sonnet-4-5" : "mystery-model"),
            Bucket(Hour(1 + (f + 1) / 2, 15 + f), Hour(1 + (f + 1) / 2, 16 + f), f is 1 or 4 ? "\"output_tokens\":-1" : "\"output_tokens\":100")))).ToList();

        var import = UsageReportJson.ReadMany(files, Fixtures.Resolver);

        var byFile = files.Select(f => UsageReportJson.Read(f, Fixtures.Resolver)).ToList();
        var summed = new UsageCubeBuilder();
        foreach (var one in byFile) summed.AddAll(one.Cube);
        Assert.Equal(summed.Build().Cells().ToArray(), import.Cube.Cells().ToArray());
        var report = import.Report;
        Assert.Equal((10L, 8L, 2L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.True(report.Reconciles);
        Assert.Equal([files[1], files[4]], report.RejectedRows.Select(r => r.File));
        Assert.Equal(["mystery-model"], report.UnknownModels.ToArray());
    }

    /// <summary>A bucket in both halves is read again in one pass, so that the later file's copy wins.</summary>
    [Fact]
    public void A_bucket_in_both_halves_still_takes_the_later_files_copy()
    {
        using var dir = new TempDir();
        var files = new[]
        {
            dir.Write("a.json", Page("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", "\"output_tokens\":5")),
            dir.Write("b.json", Page("2026-05-02T10:00:00Z", "2026-05-02T11:00:00Z", "\"output_tokens\":20")),
            dir.Write("c.json", Page("2026-05-03T10:00:00Z", "2026-05-03T11:00:00Z", "\"output_tokens\":30")),
            dir.Write("d.json", Page("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", "\"output_tokens\":7")),
        };

        var import = UsageReportJson.ReadMany(files);

        Assert.Equal(57, import.Cube.TotalTokens(TokenKind.Output));
        Assert.Equal(1, import.Report.Duplicates);
        Assert.Equal((4L, 4L, 0L), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));
    }

    /// <summary>With broken files in both halves, the error named is the first half's, as a one-pass read meets it first.</summary>
    [Fact]
    public void With_broken_files_in_both_halves_the_first_is_reported()
    {
        using var dir = new TempDir();
        var good = Page("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", "\"output_tokens\":5");
        var broken = Encoding.UTF8.GetBytes("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"results\":[{\"model\":");
        var files = new[] { dir.Write("a.json", good), dir.Write("b.json", broken), dir.Write("c.json", good), dir.Write("d.json", broken) };

        var error = Assert.ThrowsAny<Exception>(() => UsageReportJson.ReadMany(files));

        Assert.Contains("b.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("d.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_before_the_bucket_times_are_still_placed_on_the_bucket_day()
    {
        var json = Encoding.UTF8.GetBytes("{\"data\":[{\"results\":[{\"model\":\"m\",\"output_tokens\":3}],\"ending_at\":\"2026-05-02T00:00:00Z\",\"starting_at\":\"2026-05-01T00:00:00Z\"}]}");
        Assert.Equal(new DateOnly(2026, 5, 1), Assert.Single(UsageReportJson.Parse(json, "p.json").Cube.Cells()).Key.Day);
    }

    [Fact]
    public void A_bucket_without_a_start_rejects_its_results()
    {
        var json = Encoding.UTF8.GetBytes("{\"data\":[{\"results\":[{\"model\":\"m\",\"output_tokens\":3}]}]}");
        var r = UsageReportJson.Parse(json, "p.json").Report;
        Assert.Equal((1L, 0L, 1L), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.Contains("data[0].starting_at: missing", r.RejectedRows[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"data\":[{\"starting_at\":\"2026-05-01T00:00:00Z\",\"results\":[{\"model\":\"m\",", "malformed JSON")]
    [InlineData("[1,2,3]", "expected a JSON object")]
    [InlineData("{\"has_more\":false}", "no data[] array")]
    [InlineData("{\"data\":{}}", "data: expected an array")]
    [InlineData("", "malformed JSON")]
    [InlineData("{\"data\":[],\"has_more\":false", "broken.json")]
    [InlineData("{\"data\":[]} trailing", "broken.json")]
    public void A_file_that_is_not_a_usage_page_is_refused_naming_the_file(string text, string message)
    {
        var e = Assert.Throws<ImportException>(() => UsageReportJson.Parse(Encoding.UTF8.GetBytes(text), "broken.json"));
        Assert.Contains("broken.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_models_are_imported_and_flagged_through_the_resolver()
    {
        var json = PageOf(Bucket("2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z", "\"output_tokens\":5", "claude-3-7-sonnet-20250219"),
            Bucket("2026-05-02T00:00:00Z", "2026-05-03T00:00:00Z", "\"output_tokens\":5", "mystery-model"));
        ModelNameResolver resolver = (string name, out string canonical) =>
        {
            canonical = name == "claude-3-7-sonnet-20250219" ? "claude-3-7-sonnet" : name;
            return name != "mystery-model";
        };
        var import = UsageReportJson.Parse(json, "p.json", resolver);
        Assert.Equal(["claude-3-7-sonnet", "mystery-model"], import.Cube.Models.Order(StringComparer.Ordinal));
        Assert.Equal(["mystery-model"], import.Report.UnknownModels.ToArray());
    }

    [Fact]
    public void Format_detection_tells_the_three_json_formats_apart()
    {
        byte[] usage = File.ReadAllBytes(Fixture("usage-report-official.json"));
        byte[] cost = File.ReadAllBytes(Fixture("cost-report-official.json"));
        byte[] analytics = File.ReadAllBytes(Fixture("analytics-cost.json"));
        byte[] csv = "date,model,token_kind,tokens\n"u8.ToArray();

        Assert.Equal((true, false, false), (UsageReportJson.Looks(usage), CostReportJson.Looks(usage), AnalyticsJson.Looks(usage)));
        Assert.Equal((false, true, false), (UsageReportJson.Looks(cost), CostReportJson.Looks(cost), AnalyticsJson.Looks(cost)));
        Assert.Equal((false, false, true), (UsageReportJson.Looks(analytics), CostReportJson.Looks(analytics), AnalyticsJson.Looks(analytics)));
        Assert.Equal((false, false, false), (UsageReportJson.Looks(csv), CostReportJson.Looks(csv), AnalyticsJson.Looks(csv)));
    }

    internal static string Bucket(string start, string end, string fields, string model = "claude-sonnet-4-5") =>
        $"{{\"starting_at\":\"{start}\",\"ending_at\":\"{end}\",\"results\":[{{\"model\":\"{model}\",\"workspace_id\":null,{fields}}}]}}";

    internal static byte[] PageOf(params string[] buckets) =>
        Encoding.UTF8.GetBytes($"{{\"data\":[{string.Join(',', buckets)}],\"has_more\":false,\"next_page\":null}}");

    internal static byte[] Page(string start, string end, string fields) => PageOf(Bucket(start, end, fields));

    private sealed class TempDir : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("recommit-json-").FullName;
        public string Write(string name, byte[] bytes)
        {
            var p = Path.Combine(_path, name);
            File.WriteAllBytes(p, bytes);
            return p;
        }
        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
