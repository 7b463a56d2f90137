using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Recommit.Import.AdminApi;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Bench;

/// <summary>
/// docs/quality.md S2: Anthropic usage-report JSON — one year of hourly buckets, 50 workspaces × 8 models × 3 tiers
/// (≈10.5 M results; quick mode: one month), as page files of one day (24 buckets) each. Times
/// <see cref="UsageReportJson.ReadMany"/> (parse and build the daily cube) plus pricing the cube through the price
/// book, against bare <see cref="JsonSerializer"/> deserialisation of the same files into plain DTOs, in the same run.
/// </summary>
public sealed partial class UsageReportCheck : IQualityCheck
{
    public string Id => "S2";
    public string Title => "Usage-report JSON: parse and price vs bare System.Text.Json";

    private static readonly string[] Models =
    [
        "claude-opus-5", "claude-sonnet-5", "claude-sonnet-4-6", "claude-sonnet-4-5-20250929",
        "claude-opus-4-6", "claude-opus-4-5-20251101", "claude-haiku-4-5-20251001", "claude-haiku-5-5",
    ];
    private static readonly string[] Tiers = ["standard", "batch", "priority"];
    private const int Workspaces = 50;

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var days = context.Quick ? 30 : 365;
        var dir = Path.Combine(context.WorkDirectory, $"s2-usage-report-2025-11-{days}d");
        var files = Generate(dir, new DateOnly(2025, 11, 1), days, context.Log); // 365 days that all lie before today, inside the accepted dates
        var results = (long)days * 24 * Workspaces * Models.Length * Tiers.Length;
        var bytes = files.Sum(f => new FileInfo(f).Length);

        // Warm both paths on one file, then time each once over all files (baseline first, then ours, then baseline again).
        Baseline(files.Take(1));
        UsageReportJson.ReadMany(files.Take(1).ToList());

        // Interleaved, best of two each: the machine is shared, so a single timing is at the mercy of its neighbours.
        var b1 = Time(() => Baseline(files));
        var o1 = Ours(files);
        var b2 = Time(() => Baseline(files));
        var o2 = Ours(files);
        var (import, parseSeconds, oursSeconds, priced, pricingNote) = o1.Total <= o2.Total ? o1 : o2;
        var baselineSeconds = Math.Min(b1.Seconds, b2.Seconds);

        if (import.Report.Accepted != results || b1.Results != results)
            throw new InvalidOperationException($"S2 read {import.Report.Accepted:N0} results (baseline {b1.Results:N0}); expected {results:N0}");

        var ratio = oursSeconds / baselineSeconds;
        var workload = context.Quick
            ? $"{days} days of hourly buckets × {Workspaces} workspaces × {Models.Length} models × {Tiers.Length} tiers ({results:N0} results, {bytes / 1e6:N0} MB) — quick run, one month"
            : $"1 year of hourly buckets × {Workspaces} workspaces × {Models.Length} models × {Tiers.Length} tiers ({results:N0} results, {bytes / 1e6:N0} MB)";
        yield return new QualityFigure(Id, workload,
            string.Create(CultureInfo.InvariantCulture, $"{results / oursSeconds:N0} results/s parse+price vs {results / baselineSeconds:N0} results/s bare STJ; ratio {ratio:0.00}×"),
            "≤ 0.5× bare System.Text.Json", ratio <= 0.5,
            string.Create(CultureInfo.InvariantCulture, $"ours {oursSeconds:0.00} s on {Math.Min(2, Environment.ProcessorCount)} threads (the files in two halves side by side), bare STJ on one; best of 2 (parse+cube {parseSeconds:0.00} s{(priced ? $", pricing {oursSeconds - parseSeconds:0.00} s" : "")}); bare STJ {baselineSeconds:0.00} s (best of 2); {import.Cube.Count:N0} cube cells; {pricingNote}"));
    }

    private static (Import.UsageImport Import, double Parse, double Total, bool Priced, string Note) Ours(List<string> files)
    {
        var sw = Stopwatch.StartNew();
        var import = UsageReportJson.ReadMany(files);
        var parse = sw.Elapsed.TotalSeconds;
        var (priced, note) = Price(import.Cube);
        return (import, parse, sw.Elapsed.TotalSeconds, priced, note);
    }

    /// <summary>
    /// Prices the cube through the price book. Until the price book is merged its contract throws
    /// <see cref="NotImplementedException"/>; the figure then covers parse and cube building only, and says so.
    /// </summary>
    private static (bool Priced, string Note) Price(UsageCube cube)
    {
        try
        {
            var monthly = CubePricing.MonthlyListUsd(cube, PriceBook.Default);
            return (true, $"priced {monthly.Count} months through price book {PriceBook.Default.Version}");
        }
        catch (NotImplementedException)
        {
            return (false, "PRICING NOT INCLUDED: the price book is not implemented in this build (parse + cube only)");
        }
        catch (InputException e)
        {
            return (false, $"PRICING NOT INCLUDED: {e.Message}");
        }
    }

    private static (double Seconds, long Results) Time(Func<long> run)
    {
        var sw = Stopwatch.StartNew();
        var n = run();
        return (sw.Elapsed.TotalSeconds, n);
    }

    /// <summary>Bare deserialisation into DTOs (source-generated), counting results so the work is not optimised away.</summary>
    private static long Baseline(IEnumerable<string> files)
    {
        long n = 0;
        foreach (var f in files)
        {
            var page = JsonSerializer.Deserialize(File.ReadAllBytes(f), S2Json.Default.S2Page)!;
            foreach (var b in page.Data) n += b.Results.Count;
        }
        return n;
    }

    private static List<string> Generate(string dir, DateOnly first, int days, TextWriter log)
    {
        var files = Enumerable.Range(0, days).Select(d => Path.Combine(dir, $"page-{d:000}.json")).ToList();
        if (files.All(File.Exists)) return files;
        log.WriteLine($"S2: generating {days} page files in {dir}");
        Directory.CreateDirectory(dir);
        var ws = Enumerable.Range(0, Workspaces).Select(i => i == 0 ? null : $"wrkspc_01{i:D4}BENCHMARKWORKSPACE").ToArray();
        var rng = new Random(2);
        for (var d = 0; d < days; d++)
        {
            using var stream = File.Create(files[d]);
            using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteStartArray("data");
            var day = first.AddDays(d).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            for (var h = 0; h < 24; h++)
            {
                w.WriteStartObject();
                w.WriteString("starting_at", day.AddHours(h).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("ending_at", day.AddHours(h + 1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteStartArray("results");
                foreach (var workspace in ws)
                    foreach (var model in Models)
                        foreach (var tier in Tiers)
                        {
                            w.WriteStartObject();
                            w.WriteNull("account_id");
                            w.WriteNull("api_key_id");
                            w.WriteStartObject("cache_creation");
                            w.WriteNumber("ephemeral_1h_input_tokens", rng.Next(0, 5_000));
                            w.WriteNumber("ephemeral_5m_input_tokens", rng.Next(0, 20_000));
                            w.WriteEndObject();
                            w.WriteNumber("cache_read_input_tokens", rng.Next(0, 200_000));
                            w.WriteString("context_window", "0-200k");
                            w.WriteString("inference_geo", "global");
                            w.WriteString("model", model);
                            w.WriteNumber("output_tokens", rng.Next(0, 50_000));
                            w.WriteStartObject("server_tool_use");
                            w.WriteNumber("web_search_requests", rng.Next(0, 3));
                            w.WriteEndObject();
                            w.WriteNull("service_account_id");
                            w.WriteString("service_tier", tier);
                            w.WriteNumber("uncached_input_tokens", rng.Next(0, 100_000));
                            if (workspace is null) w.WriteNull("workspace_id"); else w.WriteString("workspace_id", workspace);
                            w.WriteEndObject();
                        }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("has_more", d < days - 1);
            if (d < days - 1) w.WriteString("next_page", $"page_{d + 1}"); else w.WriteNull("next_page");
            w.WriteEndObject();
        }
        return files;
    }

    /// <summary>Plain DTOs of a usage-report page for the bare-deserialisation baseline.</summary>
    private sealed class S2Page
    {
        [JsonPropertyName("data")] public List<S2Bucket> Data { get; set; } = [];
        [JsonPropertyName("has_more")] public bool HasMore { get; set; }
        [JsonPropertyName("next_page")] public string? NextPage { get; set; }
    }

    private sealed class S2Bucket
    {
        [JsonPropertyName("starting_at")] public DateTimeOffset StartingAt { get; set; }
        [JsonPropertyName("ending_at")] public DateTimeOffset EndingAt { get; set; }
        [JsonPropertyName("results")] public List<S2Result> Results { get; set; } = [];
    }

    private sealed class S2Result
    {
        [JsonPropertyName("account_id")] public string? AccountId { get; set; }
        [JsonPropertyName("api_key_id")] public string? ApiKeyId { get; set; }
        [JsonPropertyName("cache_creation")] public S2CacheCreation? CacheCreation { get; set; }
        [JsonPropertyName("cache_read_input_tokens")] public long CacheReadInputTokens { get; set; }
        [JsonPropertyName("context_window")] public string? ContextWindow { get; set; }
        [JsonPropertyName("inference_geo")] public string? InferenceGeo { get; set; }
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("output_tokens")] public long OutputTokens { get; set; }
        [JsonPropertyName("server_tool_use")] public S2ServerToolUse? ServerToolUse { get; set; }
        [JsonPropertyName("service_account_id")] public string? ServiceAccountId { get; set; }
        [JsonPropertyName("service_tier")] public string? ServiceTier { get; set; }
        [JsonPropertyName("uncached_input_tokens")] public long UncachedInputTokens { get; set; }
        [JsonPropertyName("workspace_id")] public string? WorkspaceId { get; set; }
    }

    private sealed class S2CacheCreation
    {
        [JsonPropertyName("ephemeral_1h_input_tokens")] public long Ephemeral1h { get; set; }
        [JsonPropertyName("ephemeral_5m_input_tokens")] public long Ephemeral5m { get; set; }
    }

    private sealed class S2ServerToolUse
    {
        [JsonPropertyName("web_search_requests")] public long WebSearchRequests { get; set; }
    }

    [JsonSerializable(typeof(S2Page))]
    private sealed partial class S2Json : JsonSerializerContext;
}
