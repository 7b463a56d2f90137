using System.Diagnostics;
using System.Globalization;
using System.Text;
using Recommit.Import.Canonical;
using Recommit.Import.ClickHouse;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Bench;

/// <summary>
/// S6 (issue 22): request logs that live in ClickHouse. Generates 20 M and 200 M requests inside the server (1 M with
/// --quick; <c>RECOMMIT_BENCH_S6_ROWS</c> names other sizes), then times
/// <c>recommit import clickhouse</c>'s work (the aggregate query over HTTP, the cube, the canonical CSV) against the
/// bare aggregate query run with <c>clickhouse-client</c>, output to a file. Once per size it also times the other
/// way, exporting the rows (CSV over HTTP), converting them to Parquet and importing that with the gateway importer,
/// and counts the bytes that cross the network for each: the importer counts its own HTTP bodies (plain on loopback,
/// and in one more untimed run gzipped, as from a remote server); clickhouse-client's native traffic is counted by a
/// loopback relay (a separate, untimed run). Needs the server bench/run starts
/// (<c>RECOMMIT_TEST_CLICKHOUSE</c>, native port <c>RECOMMIT_TEST_CLICKHOUSE_NATIVE</c>).
/// </summary>
public sealed class ClickHouseImportCheck : IQualityCheck
{
    private const double RatioBar = 1.2;
    private const string Columns = "timestamp, model, workspace, service_tier, input_tokens, output_tokens, cache_read_input_tokens, cache_creation_input_tokens";

    public string Id => "S6";
    public string Title => "Request logs in ClickHouse → daily usage cube (aggregate on the server)";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var url = Environment.GetEnvironmentVariable("RECOMMIT_TEST_CLICKHOUSE");
        var native = Environment.GetEnvironmentVariable("RECOMMIT_TEST_CLICKHOUSE_NATIVE");
        if (url is null || native is null)
            return [new QualityFigure(Id, "request logs in ClickHouse", "not measured", $"≤ {RatioBar:F1}× the bare query", null, "no ClickHouse server: bench/run starts one (RECOMMIT_TEST_CLICKHOUSE)")];
        var server = new Uri(url);
        var sizes = Environment.GetEnvironmentVariable("RECOMMIT_BENCH_S6_ROWS") is { Length: > 0 } s
            ? s.Split(',').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray()
            : context.Quick ? [1_000_000L] : [20_000_000L, 200_000_000L];
        var figures = new List<QualityFigure>();
        foreach (var rows in sizes)
            figures.AddRange(Measure(context, server, int.Parse(native, CultureInfo.InvariantCulture), rows, exportToo: rows <= 20_000_000));
        return figures;
    }

    private static IEnumerable<QualityFigure> Measure(BenchContext context, Uri server, int nativePort, long rows, bool exportToo)
    {
        var table = $"s6_requests_2025_{rows}";
        var clock = Stopwatch.StartNew();
        if (Generate(server, table, rows)) context.Log.WriteLine($"S6: generated {rows:N0} requests in {table} in {clock.Elapsed.TotalSeconds:F0} s");
        var bare = BareQuery(table);
        var bareOut = Path.Combine(context.WorkDirectory, "s6-bare.tsv");
        var cubeFile = Path.Combine(context.WorkDirectory, "s6-cube.csv");
        var request = new ClickHouseRequest { Url = server, Table = table };
        var options = new ImportOptions { Resolver = GatewayImportCheck.Resolver() };

        // Five alternating runs of each at 20 M; at 200 M, where one run takes minutes on the shared machine, one.
        var repeats = rows > 20_000_000 ? 1 : 5;
        double bestBare = double.MaxValue, bestImport = double.MaxValue, bareCpu = double.MaxValue, importCpu = double.MaxValue;
        ClickHouseResult? result = null;
        var self = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            // Each timed run writes a new file, as a first run would: the last run's output is deleted before the clock
            // starts (truncating a file of 169 MB costs ≈ 0.04 s, and the two outputs differ in size).
            File.Delete(bareOut);
            var server0 = ServerCpu();
            clock.Restart();
            var clientCpu = RunClient(nativePort, bare, bareOut);
            var bareTime = clock.Elapsed.TotalSeconds;
            bestBare = Math.Min(bestBare, bareTime);
            bareCpu = Math.Min(bareCpu, ServerCpu() - server0 + clientCpu);

            File.Delete(cubeFile);
            server0 = ServerCpu();
            self.Refresh();
            var own0 = self.TotalProcessorTime.TotalSeconds;
            clock.Restart();
            result = ClickHouseImport.Read(request, options);
            using (var stream = File.Create(cubeFile)) CanonicalUsageCsv.Write(result.Import.Cube, stream);
            var importTime = clock.Elapsed.TotalSeconds;
            self.Refresh();
            importCpu = Math.Min(importCpu, ServerCpu() - server0 + self.TotalProcessorTime.TotalSeconds - own0);
            bestImport = Math.Min(bestImport, importTime);
            context.Log.WriteLine($"S6 {rows:N0}: bare query {bareTime:F2} s, import {importTime:F2} s");
        }
        var bareInput = BareInputTotal(bareOut);
        var report = result!.Import.Report;
        var agrees = report.RowsRead == rows && report.Rejected == 0 && result.Import.Cube.TotalTokens(TokenKind.UncachedInput) == bareInput;

        // The bare query's traffic on the native protocol, through a counting relay, and the import's with the answer
        // gzipped as it is from a server on another machine (neither timed).
        long bareBytes;
        using (var proxy = new CountingProxy(nativePort))
        {
            RunClient(proxy.Port, bare, bareOut);
            bareBytes = proxy.BytesUp + proxy.BytesDown;
        }
        var gzip = ClickHouseImport.Read(request with { Compress = true }, options);

        var ratio = bestImport / bestBare;
        var size = $"{rows:N0} requests in a MergeTree table";
        yield return new QualityFigure("S6", $"{size}: import vs the bare aggregate query (clickhouse-client)",
            string.Create(CultureInfo.InvariantCulture, $"{bestImport:F2} s vs {bestBare:F2} s = {ratio:F2}×; {rows / bestImport:N0} rows/s"),
            $"≤ {RatioBar:F1}×", ratio <= RatioBar && agrees,
            string.Create(CultureInfo.InvariantCulture, $"best of {repeats}, alternating; {result.Groups:N0} groups, {result.Import.Cube.Count:N0} cells; totals {(agrees ? "agree" : $"DIFFER (import read {report.RowsRead:N0}, input {result.Import.Cube.TotalTokens(TokenKind.UncachedInput):N0} vs {bareInput:N0})")}; ") +
            (bareCpu > 0 ? string.Create(CultureInfo.InvariantCulture, $"CPU (server + client, least of the runs): import {importCpu:F1} s vs bare {bareCpu:F1} s = {importCpu / bareCpu:F2}×; ") : "") +
            $"bytes over the network: import {result.BytesSent + result.BytesReceived:N0} (HTTP bodies; plain, as on loopback) or {gzip.BytesSent + gzip.BytesReceived:N0} with the answer gzipped (as from another machine), " +
            $"bare query {bareBytes:N0} (clickhouse-client, native protocol, both ways); {Environment.ProcessorCount} cores shared");

        if (!exportToo)
        {
            yield return new QualityFigure("S6", $"{size}: export to Parquet + import", "not measured", "—", null,
                string.Create(CultureInfo.InvariantCulture, $"not run at this size: the CSV export alone would be ≈ {rows * 75 / 1e9:N0} GB over the network and on disk (measured ≈ 75 bytes a row at 20 M)"));
            yield break;
        }
        var (exportSeconds, exportBytes, convertSeconds, importSeconds, parquetReport) = ExportAndImport(context, server, table);
        var total = exportSeconds + convertSeconds + importSeconds;
        var sameRows = parquetReport.RowsRead == rows;
        yield return new QualityFigure("S6", $"{size}: export to Parquet + import (the file route)",
            string.Create(CultureInfo.InvariantCulture, $"{total:F2} s = {total / bestImport:F1}× the ClickHouse import"), "—", null,
            string.Create(CultureInfo.InvariantCulture, $"export CSV over HTTP {exportSeconds:F2} s ({exportBytes:N0} bytes over the network), to Parquet (DuckDB) {convertSeconds:F2} s, gateway import of the Parquet {importSeconds:F2} s; ") +
            $"{(sameRows ? "same rows read" : $"rows DIFFER ({parquetReport.RowsRead:N0})")}; one run");
    }

    /// <summary>Creates and fills the table unless it already holds <paramref name="rows"/> rows; true when it generated them.</summary>
    private static bool Generate(Uri server, string table, long rows)
    {
        Http(server, $"CREATE TABLE IF NOT EXISTS {table} (timestamp DateTime('UTC'), model String, workspace String, service_tier String, input_tokens Int64, output_tokens Int64, " +
            "cache_read_input_tokens Int64, cache_creation_input_tokens Int64) ENGINE = MergeTree PARTITION BY toYYYYMM(timestamp) ORDER BY timestamp");
        if (Http(server, $"SELECT count() FROM {table}").Trim() == rows.ToString(CultureInfo.InvariantCulture)) return false;
        Http(server, $"TRUNCATE TABLE {table}");
        var models = string.Join(", ", GatewayLogGenerator.Models.Select(m => $"'{m}'"));
        // One request every 365 days / rows over 2025 (a year wholly inside the importer's accepted dates, so that no
        // row is rejected as a future day and the answer is one query); models, workspaces and tiers from hashes of
        // the row number.
        Http(server, $"INSERT INTO {table} SELECT toDateTime(1735689600 + intDiv(number * 31536000, {rows}), 'UTC'), " +
            $"arrayElement([{models}], 1 + intHash32(number) % 8), concat('ws-', toString(intHash32(number + 1) % 50)), arrayElement(['', 'standard', 'batch', 'priority'], 1 + intHash32(number + 2) % 4), " +
            "toInt64(intHash32(number + 3) % 8000), toInt64(intHash32(number + 4) % 1100), toInt64(if(intHash32(number + 5) % 3 = 0, 0, intHash32(number + 6) % 60000)), " +
            $"toInt64(if(intHash32(number + 7) % 10 = 0, intHash32(number + 8) % 20000, 0)) FROM numbers({rows})");
        return true;
    }

    /// <summary>The aggregate a person would type: the UTC day, the keys, a row count and the plain sums.</summary>
    private static string BareQuery(string table) =>
        "SELECT toDate(timestamp, 'UTC') AS day, model, workspace, service_tier, count(), sum(input_tokens), sum(output_tokens), sum(cache_read_input_tokens), sum(cache_creation_input_tokens) " +
        $"FROM {table} GROUP BY day, model, workspace, service_tier FORMAT TabSeparated";

    /// <summary>Runs clickhouse-client under /usr/bin/time, its answer to <paramref name="outFile"/>; returns its CPU seconds (user + system).</summary>
    private static double RunClient(int port, string query, string outFile)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-f", "cpu %U %S", "clickhouse-client", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--query", query }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        using (var file = File.Create(outFile)) process.StandardOutput.BaseStream.CopyTo(file);
        process.WaitForExit();
        var error = errorTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0) throw new InvalidOperationException($"clickhouse-client failed: {error.Split('\n')[0]}");
        var cpu = error.Split('\n').LastOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal))?.Split(' ');
        return cpu is { Length: 3 } ? double.Parse(cpu[1], CultureInfo.InvariantCulture) + double.Parse(cpu[2], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The ClickHouse server's CPU seconds so far (user + system, from /proc), or 0 when its process is not known.</summary>
    private static double ServerCpu()
    {
        if (Environment.GetEnvironmentVariable("RECOMMIT_TEST_CLICKHOUSE_PID") is not { Length: > 0 } pid) return 0;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name, in clock ticks of 1/100 s.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private static long BareInputTotal(string tsv) =>
        File.ReadLines(tsv).Sum(l => long.Parse(l.Split('\t')[5], CultureInfo.InvariantCulture));

    private static (double Export, long Bytes, double Convert, double Import, Recommit.Import.ImportReport Report) ExportAndImport(BenchContext context, Uri server, string table)
    {
        var csv = Path.Combine(context.WorkDirectory, "s6-export.csv");
        var parquet = Path.ChangeExtension(csv, ".parquet");
        var clock = Stopwatch.StartNew();
        using (var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan })
        using (var content = new StringContent($"SELECT {Columns} FROM {table} FORMAT CSVWithNames", Encoding.UTF8))
        using (var response = client.PostAsync(server, content, CancellationToken.None).GetAwaiter().GetResult())
        using (var file = File.Create(csv))
        {
            response.EnsureSuccessStatusCode();
            response.Content.ReadAsStream().CopyTo(file);
        }
        var export = clock.Elapsed.TotalSeconds;
        var bytes = new FileInfo(csv).Length;
        clock.Restart();
        using (var duck = DuckDb.Open())
            DuckDb.Execute(duck, $"COPY (SELECT * FROM read_csv({DuckDb.Literal(csv)}, header = true)) TO {DuckDb.Literal(parquet)} (FORMAT parquet)");
        var convert = clock.Elapsed.TotalSeconds;
        File.Delete(csv);
        clock.Restart();
        var import = GatewayLog.Read(parquet, new ImportOptions { Resolver = GatewayImportCheck.Resolver() });
        using (var stream = File.Create(Path.Combine(context.WorkDirectory, "s6-cube-parquet.csv"))) CanonicalUsageCsv.Write(import.Cube, stream);
        var importSeconds = clock.Elapsed.TotalSeconds;
        File.Delete(parquet);
        context.Log.WriteLine($"S6 export route: export {export:F2} s ({bytes:N0} bytes), Parquet {convert:F2} s, import {importSeconds:F2} s");
        return (export, bytes, convert, importSeconds, import.Report);
    }

    private static string Http(Uri server, string sql)
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var content = new StringContent(sql, Encoding.UTF8);
        using var response = client.PostAsync(server, content, CancellationToken.None).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"ClickHouse: {text.Split('\n')[0]}");
        return text;
    }
}
