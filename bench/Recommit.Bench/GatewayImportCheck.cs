using System.Diagnostics;
using System.Globalization;
using Recommit.Import;
using Recommit.Import.Canonical;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Internals;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Bench;

/// <summary>
/// docs/quality.md S1: a generated gateway request log (20 M rows, ≈ 2 GB; 1 M with --quick) imported to the daily cube —
/// read, validate, map model names, aggregate, write the canonical CSV — as CSV and as Parquet, timed against DuckDB
/// alone doing the bare <c>GROUP BY</c> over the same file in the same run (the two alternate, three times; the best
/// of each counts, which keeps a busy 2-core machine from deciding the ratio). Peak memory is the peak resident set
/// (VmHWM) of a fresh process that does only the import and the CSV write.
/// </summary>
public sealed class GatewayImportCheck : IQualityCheck
{
    private const double RatioBar = 1.25;
    private const long MemoryBar = 1L << 30;

    public string Id => "S1";
    public string Title => "Gateway request log → daily usage cube";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var rows = context.Quick ? 1_000_000L : 20_000_000L;
        var csv = Path.Combine(context.WorkDirectory, $"s1-gateway-v3-{rows}.csv");
        var parquet = Path.ChangeExtension(csv, ".parquet");
        if (!File.Exists(csv))
        {
            context.Log.WriteLine($"S1: generating {rows:N0} requests → {csv}");
            GatewayLogGenerator.WriteCsv(csv + ".tmp", rows);
            File.Move(csv + ".tmp", csv, overwrite: true);
        }
        if (!File.Exists(parquet))
        {
            context.Log.WriteLine($"S1: writing the same rows as Parquet → {parquet}");
            using var connection = DuckDb.Open();
            DuckDb.Execute(connection, $"COPY (SELECT * FROM read_csv({DuckDb.Literal(csv)}, header = true)) TO {DuckDb.Literal(parquet + ".tmp")} (FORMAT parquet)");
            File.Move(parquet + ".tmp", parquet, overwrite: true);
        }
        var resolver = Resolver();
        var figures = new List<QualityFigure>();
        foreach (var (file, kind) in new[] { (csv, "CSV"), (parquet, "Parquet") })
            figures.AddRange(Measure(context, file, kind, rows, resolver, repeats: 3));
        return figures;
    }

    private static IEnumerable<QualityFigure> Measure(BenchContext context, string file, string kind, long rows, ModelNameResolver resolver, int repeats)
    {
        var bytes = new FileInfo(file).Length;
        var cubeFile = Path.Combine(context.WorkDirectory, $"s1-cube-{kind.ToLowerInvariant()}.csv");
        double bestImport = double.MaxValue, bestBare = double.MaxValue;
        decimal bareInput = 0;
        long importInput = 0;
        UsageImport? import = null;
        double lastRead = 0, lastWrite = 0;
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            bareInput = BareGroupBy(file, kind);
            bestBare = Math.Min(bestBare, clock.Elapsed.TotalSeconds);

            clock.Restart();
            import = GatewayLog.Read(file, new ImportOptions { Resolver = resolver });
            lastRead = clock.Elapsed.TotalSeconds;
            using (var stream = File.Create(cubeFile)) CanonicalUsageCsv.Write(import.Cube, stream);
            bestImport = Math.Min(bestImport, clock.Elapsed.TotalSeconds);
            importInput = import.Cube.TotalTokens(TokenKind.UncachedInput);
            lastWrite = clock.Elapsed.TotalSeconds - lastRead;
            context.Log.WriteLine($"S1 {kind}: bare GROUP BY {bestBare:F2} s, import {clock.Elapsed.TotalSeconds:F2} s (read+validate+aggregate+cube {lastRead:F2} s, write {clock.Elapsed.TotalSeconds - lastRead:F2} s)");
        }
        // Memory in a fresh process doing only the import: in this one, DuckDB's allocator keeps what the bare query
        // used, which would count against the import.
        var peak = ChildPeak(file, cubeFile, context.Log);
        var report = import!.Report;
        var ratio = bestImport / bestBare;
        var agrees = report.RowsRead == rows && report.Rejected == 0 && importInput == bareInput;
        var size = $"{rows:N0} rows, {bytes / 1e6:N0} MB {kind}";
        yield return new QualityFigure("S1", $"{size}: import vs DuckDB bare GROUP BY",
            string.Create(CultureInfo.InvariantCulture, $"{rows / bestImport:N0} rows/s, {bytes / 1e6 / bestImport:N1} MB/s; {bestImport:F2} s vs {bestBare:F2} s = {ratio:F2}×"),
            $"≤ {RatioBar:F2}×", ratio <= RatioBar && agrees,
            $"best of {repeats}; last import: read, validate, aggregate, build cube {lastRead:F2} s, write CSV {lastWrite:F2} s; {import.Cube.Count:N0} cells; totals {(agrees ? "agree" : $"DIFFER (import {importInput:N0} vs DuckDB {bareInput:N0}, read {report.RowsRead:N0}, rejected {report.Rejected:N0})")}; {Environment.ProcessorCount} cores");
        yield return new QualityFigure("S1", $"{size}: peak memory of the import",
            peak > 0 ? $"{peak / (1024.0 * 1024.0):N0} MiB" : "not measured", "< 1 GiB", peak > 0 ? peak < MemoryBar : null,
            "peak resident set (VmHWM) of a fresh process doing only the import and the CSV write, .NET runtime included");
    }

    /// <summary>
    /// In a child process (<c>--s1-child FILE CUBE</c>): imports the file, writes the cube and prints the process's peak
    /// resident bytes.
    /// </summary>
    public static int RunChild(string file, string cubeFile)
    {
        var import = GatewayLog.Read(file, new ImportOptions { Resolver = Resolver() });
        using (var stream = File.Create(cubeFile)) CanonicalUsageCsv.Write(import.Cube, stream);
        Console.WriteLine(PeakMemory.PeakResidentBytes().ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Runs <see cref="RunChild"/> in a new process of this program; its peak resident bytes, or 0 when that fails.</summary>
    private static long ChildPeak(string file, string cubeFile, TextWriter log) =>
        PeakMemory.RunChild(["--s1-child", file, cubeFile], log, "S1") is [.., var last] && long.TryParse(last, CultureInfo.InvariantCulture, out var peak) ? peak : 0;

    /// <summary>DuckDB alone: the bare aggregation over the same file with its own type detection; returns the input-token total.</summary>
    private static decimal BareGroupBy(string file, string kind)
    {
        using var connection = DuckDb.Open();
        var relation = kind == "CSV" ? $"read_csv({DuckDb.Literal(file)}, header = true)" : $"read_parquet({DuckDb.Literal(file)})";
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(\"timestamp\" AS DATE), model, workspace, sum(input_tokens), sum(output_tokens), sum(cache_read_input_tokens), sum(cache_creation_input_tokens) FROM {relation} GROUP BY ALL";
        using var reader = command.ExecuteReader();
        decimal total = 0;
        while (reader.Read())
            total += reader.GetValue(3) is System.Numerics.BigInteger big ? (decimal)big : Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
        return total;
    }

    internal static ModelNameResolver Resolver()
    {
        try
        {
            var book = PriceBook.Default;
            _ = book.Models;
            return (string name, out string canonical) =>
            {
                if (book.TryResolve(name, out var id)) { canonical = id.Value; return true; }
                canonical = name;
                return false;
            };
        }
        catch (NotImplementedException)
        {
            // This build has no price book yet: the same work through a table of the generator's names.
            var table = GatewayLogGenerator.Models.ToDictionary(m => m, m => m.EndsWith("0929", StringComparison.Ordinal) || m.EndsWith("1001", StringComparison.Ordinal) ? m[..^9] : m, StringComparer.OrdinalIgnoreCase);
            return (string name, out string canonical) =>
            {
                if (table.TryGetValue(name, out var c)) { canonical = c; return true; }
                canonical = name;
                return false;
            };
        }
    }
}
