using System.Globalization;
using Recommit.Import.AdminApi;

namespace Recommit.Bench;

/// <summary>
/// docs/quality.md S2b: one saved usage-report page of about 200 MB (50 MB with --quick) — hourly buckets of 50
/// workspaces × 8 models — imported by <see cref="UsageReportJson.Read"/> in a fresh process, whose peak resident set
/// (VmHWM, .NET runtime included) shows the page is streamed one bucket at a time rather than held whole. A second
/// fresh process only reads the file's bytes into memory, what any whole-file reader must at least take.
/// </summary>
public sealed class PageMemoryCheck : IQualityCheck
{
    private const long MemoryBar = 128L << 20;
    private const int Workspaces = 50;
    private static readonly string[] Models =
    [
        "claude-opus-5", "claude-sonnet-5", "claude-sonnet-4-6", "claude-sonnet-4-5-20250929",
        "claude-opus-4-6", "claude-opus-4-5-20251101", "claude-haiku-4-5-20251001", "claude-haiku-5-5",
    ];

    public string Id => "S2b";
    public string Title => "A 200 MB saved usage-report page: peak memory of the import";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var hours = context.Quick ? 400 : 1600;
        var file = Path.Combine(context.WorkDirectory, $"s2b-usage-page-{hours}h.json");
        if (!File.Exists(file))
        {
            context.Log.WriteLine($"S2b: generating one page of {hours:N0} hourly buckets → {file}");
            Generate(file + ".tmp", hours);
            File.Move(file + ".tmp", file, overwrite: true);
        }
        var bytes = new FileInfo(file).Length;
        var results = (long)hours * Workspaces * Models.Length;

        var import = PeakMemory.RunChild(["--s2b-child", "import", file], context.Log, "S2b");
        var whole = PeakMemory.RunChild(["--s2b-child", "bytes", file], context.Log, "S2b");
        if (import is not [var counts, var peakText] || whole is not [_, var wholeText]
            || !long.TryParse(peakText, CultureInfo.InvariantCulture, out var peak) || !long.TryParse(wholeText, CultureInfo.InvariantCulture, out var wholePeak))
        {
            yield return new QualityFigure(Id, Title, "not measured", "< 128 MiB", null, "a child process failed");
            yield break;
        }
        // "read accepted rejected" of the import: every result accepted, and the report reconciles.
        var n = counts.Split(' ').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        if (n[0] != results || n[1] != results || n[2] != 0)
            throw new InvalidOperationException($"S2b read {n[0]:N0}, accepted {n[1]:N0}, rejected {n[2]:N0}; expected {results:N0} accepted");
        yield return new QualityFigure(Id,
            $"one saved usage-report page of {bytes / 1e6:N0} MB ({hours:N0} hourly buckets, {results:N0} results){(context.Quick ? " — quick run" : "")}",
            $"{peak / (1024.0 * 1024.0):N0} MiB", "< 128 MiB", peak < MemoryBar,
            string.Create(CultureInfo.InvariantCulture, $"peak resident set (VmHWM) of a fresh process doing only the import, .NET runtime included; {n[0]:N0} read = {n[1]:N0} accepted + {n[2]:N0} rejected; a fresh process that only reads the file's bytes peaks at {wholePeak / (1024.0 * 1024.0):N0} MiB"));
    }

    /// <summary>
    /// In a child process (<c>--s2b-child import|bytes FILE</c>): imports the page and prints "read accepted rejected",
    /// or only reads its bytes and prints their count; then the process's peak resident bytes.
    /// </summary>
    public static int RunChild(string what, string file)
    {
        if (what == "import")
        {
            var report = UsageReportJson.Read(file).Report;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.RowsRead} {report.Accepted} {report.Rejected}"));
        }
        else Console.WriteLine(File.ReadAllBytes(file).Length.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine(PeakMemory.PeakResidentBytes().ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>One page, one result per line; counts from a fixed seed.</summary>
    private static void Generate(string path, int hours)
    {
        var rng = new Random(16);
        var first = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var w = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        w.Write("{\"data\":[\n");
        for (var h = 0; h < hours; h++)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"starting_at\":\"{first.AddHours(h):yyyy-MM-ddTHH}:00:00Z\",\"ending_at\":\"{first.AddHours(h + 1):yyyy-MM-ddTHH}:00:00Z\",\"results\":[\n"));
            for (var i = 0; i < Workspaces * Models.Length; i++)
            {
                var tier = i % 3 == 0 ? "batch" : "standard";
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"model\":\"{Models[i % Models.Length]}\",\"workspace_id\":\"wrkspc_{i / Models.Length:0000}\",\"service_tier\":\"{tier}\",\"context_window\":\"0-200k\",\"inference_geo\":\"global\",\"uncached_input_tokens\":{rng.Next(100_000)},\"cache_creation\":{{\"ephemeral_5m_input_tokens\":{rng.Next(20_000)},\"ephemeral_1h_input_tokens\":{rng.Next(5_000)}}},\"cache_read_input_tokens\":{rng.Next(200_000)},\"output_tokens\":{rng.Next(50_000)},\"server_tool_use\":{{\"web_search_requests\":{rng.Next(3)}}}}}"));
                w.Write(i < Workspaces * Models.Length - 1 ? ",\n" : "\n");
            }
            w.Write(h < hours - 1 ? "]},\n" : "]}\n");
        }
        w.Write("],\"has_more\":false,\"next_page\":null}\n");
    }
}
