using System.Globalization;
using Recommit.Import.ClickHouse;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.Tests.ClickHouse;

/// <summary>
/// <c>recommit import clickhouse</c> against real ClickHouse 18.16 servers (started by scripts/test): plain and
/// Distributed tables, the gateway importer's validity rules, filters, the Helicone preset, credentials, and the
/// same answer as the gateway importer on the same rows exported to Parquet.
/// </summary>
public class ClickHouseImportTests
{
    private static readonly ImportOptions Options = Fixtures.Options;

    private static ClickHouseRequest Request(string table, Uri? server = null) => new() { Url = server ?? ClickHouseServer.Shard1, Table = table };

    private static string CreateRequests(string rows)
    {
        var table = ClickHouseServer.NewTable("requests");
        ClickHouseServer.Execute($"CREATE TABLE {table} (timestamp DateTime('UTC'), model String, workspace String, service_tier String, " +
            "input_tokens UInt64, output_tokens UInt64, cache_read_input_tokens UInt64, cache_creation_input_tokens UInt64) ENGINE = MergeTree ORDER BY timestamp");
        ClickHouseServer.Execute($"INSERT INTO {table} VALUES {rows}");
        return table;
    }

    private static string Load(Uri server, string table, string columns, string csv)
    {
        ClickHouseServer.Execute(server, $"CREATE TABLE {table} {columns} ENGINE = MergeTree ORDER BY timestamp");
        ClickHouseServer.Execute(server, $"INSERT INTO {table} FORMAT CSVWithNames", csv);
        return table;
    }

    private static List<(UsageKey Key, long Tokens)> Sorted(UsageCube cube) => [.. cube.Cells().OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)];

    [ClickHouseFact]
    public void MergeTree_table_aggregates_requests_to_utc_days_models_workspaces_and_tiers()
    {
        var table = CreateRequests(
            "('2026-08-05 10:00:00','claude-opus-5','search','',100,10,1000,0), ('2026-08-05 23:30:00','claude-opus-5','search','batch',5,1,0,50), " +
            "('2026-08-05 11:00:00','claude-opus-5','search','standard',1,0,0,0), ('2026-08-06 01:00:00','claude-sonnet-4-5-20250929',' x ','Standard',7,3,0,0)");

        var result = ClickHouseImport.Read(Request(table), Options);
        var cube = result.Import.Cube;
        var aug5 = new DateOnly(2026, 8, 5);

        Assert.Equal(101, CubeAssert.Tokens(cube, k => k.Day == aug5 && k.Tier == ServiceTier.Standard && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(5, CubeAssert.Tokens(cube, k => k.Day == aug5 && k.Tier == ServiceTier.Batch && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(50, CubeAssert.Tokens(cube, k => k.Kind == TokenKind.CacheWrite5m));
        Assert.Equal(1000, CubeAssert.Tokens(cube, k => k.Kind == TokenKind.CacheRead));
        // The dated alias resolves to the canonical id; the workspace is trimmed.
        var sonnet = Assert.Single(cube.Cells(), c => c.Key.Model == "claude-sonnet-4-5" && c.Key.Kind == TokenKind.UncachedInput);
        Assert.Equal((new DateOnly(2026, 8, 6), "x", 7L), (sonnet.Key.Day, sonnet.Key.Workspace, sonnet.Tokens));
        Assert.All(cube.Cells(), c => Assert.Equal(Channel.Anthropic, c.Key.Channel));

        var report = result.Import.Report;
        Assert.Equal((4L, 4L, 0L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.Equal(4, result.Groups);
        Assert.True(result.BytesReceived > 0 && result.BytesSent > 0);

        // The same answer gzipped, as from a server on another machine.
        var gzipped = ClickHouseImport.Read(Request(table) with { Compress = true }, Options);
        Assert.True(gzipped.Compressed);
        Assert.Equal(Sorted(cube), Sorted(gzipped.Import.Cube));
    }

    [ClickHouseFact]
    public void Bad_rows_are_rejected_with_the_number_of_rows_behind_each_reason()
    {
        var table = CreateRequests(
            "('2026-08-05 10:00:00','claude-opus-5','a','',100,10,0,0), ('2026-08-05 10:00:00','  ','a','',1,1,0,0), ('2026-08-05 10:00:00','','a','',1,1,0,0), " +
            "('2026-08-05 10:00:00','claude-opus-5','a','turbo',1,1,0,0), ('2026-08-05 10:00:00','claude-opus-5','a','',10000000000000000000,1,0,0), " +
            "('2026-08-05 10:00:00','claude-opus-5','a','',10000000000000000000,1,0,0), ('2026-08-05 10:00:00','claude-opus-5','a','',10000000000000000000,1,0,0)");

        var result = ClickHouseImport.Read(Request(table), Options);
        var report = result.Import.Report;

        Assert.Equal((7L, 1L, 6L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.True(report.Reconciles);
        Assert.Equal(
            [("input: '10000000000000000000' is too large", 3L), ("model: empty", 2L), ("tier: 'turbo' is not standard, batch or priority", 1L)],
            report.RejectedRows.Select(r => (r.Reason, r.Rows)));
        Assert.Equal(report.Rejected, report.RejectedRows.Sum(r => r.Rows));
        Assert.All(report.RejectedRows, r => Assert.Equal(0, r.Line));
        // The valid row's counts only: the rejected rows' output tokens are not summed.
        Assert.Equal(10, result.Import.Cube.TotalTokens(TokenKind.Output));
    }

    [ClickHouseFact]
    public void A_day_outside_the_accepted_dates_rejects_its_rows_as_the_gateway_importer_does()
    {
        var table = CreateRequests("('2026-08-05 10:00:00','claude-opus-5','a','',1,0,0,0), ('2010-01-01 10:00:00','claude-opus-5','a','',5,0,0,0), ('2010-01-01 11:00:00','claude-opus-5','a','',5,0,0,0)");

        var report = ClickHouseImport.Read(Request(table), Options).Import.Report;

        Assert.Equal((3L, 1L, 2L), (report.RowsRead, report.Accepted, report.Rejected));
        var rejection = Assert.Single(report.RejectedRows);
        Assert.Equal(("timestamp: " + UsageWindow.Outside(new DateOnly(2010, 1, 1)), 2L), (rejection.Reason, rejection.Rows));
    }

    [ClickHouseFact]
    public void Sums_near_64_bits_are_exact_and_sums_past_them_are_refused_not_wrapped()
    {
        const string big = "999999999999999999";
        var rows = string.Join(", ", Enumerable.Repeat($"('2026-08-05 10:00:00','claude-opus-5','a','',{big},{big},0,0)", 5));
        // Five rows of 10¹⁸ − 1 in two columns: each UInt64 sum (5·10¹⁸) is exact, and the total is refused as more
        // than one import may hold, with the exact figure.
        var near = Assert.Throws<ImportException>(() => ClickHouseImport.Read(Request(CreateRequests(rows)), Options));
        Assert.Contains("adds up to 9,999,999,999,999,999,990 tokens", near.Message, StringComparison.Ordinal);

        // Twenty such rows add up past 2⁶⁴ in UInt64: the guards send the import to the Decimal128 sums, and the cell
        // past long.MaxValue is refused instead of wrapping.
        var past = CreateRequests(string.Join(", ", Enumerable.Repeat($"('2026-08-05 10:00:00','claude-opus-5','a','',{big},0,0,0)", 20)));
        var error = Assert.Throws<ImportException>(() => ClickHouseImport.Read(Request(past), Options));
        Assert.Contains("uncached_input tokens of claude-opus-5 on 2026-08-05 add up to more than", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The fast query vouches for a group only when its every count lies in 0 to 2³² − 1 (its row count says so): then
    /// nothing but it is sent. A negative count (also of a narrow signed type), one of 2³² or more (valid, still summed),
    /// or one past 18 digits sends the import to the checked query, whose rules decide.
    /// </summary>
    [ClickHouseTheory]
    [InlineData("Int64", "5|7", true, 12L, 0L)]
    [InlineData("Int64", "4294967295|1", true, 4294967296L, 0L)]
    [InlineData("Int64", "-1|7", false, 7L, 1L)]
    [InlineData("Int64", "4294967296|7", false, 4294967303L, 0L)]
    [InlineData("Int64", "-9223372036854775808|7", false, 7L, 1L)]
    [InlineData("Int32", "-1|7", false, 7L, 1L)]
    [InlineData("Int8", "-128|100", false, 100L, 1L)]
    [InlineData("UInt32", "4294967295|4294967295", true, 8589934590L, 0L)]
    [InlineData("UInt64", "18446744073709551615|7", false, 7L, 1L)]
    [InlineData("Nullable(Int64)", "NULL|5", true, 5L, 0L)]
    [InlineData("Nullable(Int64)", "NULL|-5", false, 0L, 1L)]
    // A second value is the row's output count, of the same type: the test covers every column, not only the first.
    [InlineData("Int64", "5,1|7,-1", false, 5L, 1L)]
    [InlineData("Int64", "5,1|7,4294967296", false, 12L, 0L)]
    [InlineData("Nullable(Int64)", "NULL,NULL|5,4294967296", false, 5L, 0L)]
    [InlineData("Nullable(Int64)", "NULL,NULL|5,7", true, 5L, 0L)]
    public void The_fast_query_vouches_only_for_counts_under_two_to_the_32(string type, string values, bool fastOnly, long input, long rejected)
    {
        var table = ClickHouseServer.NewTable("guard");
        var outputType = values.Contains(',', StringComparison.Ordinal) ? type : "Int64";
        ClickHouseServer.Execute($"CREATE TABLE {table} (timestamp DateTime('UTC'), model String, input_tokens {type}, output_tokens {outputType}) ENGINE = MergeTree ORDER BY timestamp");
        var rows = values.Split('|').Select(v => $"('2026-08-05 10:00:00','claude-opus-5',{(v.Contains(',', StringComparison.Ordinal) ? v : v + ",1")})");
        ClickHouseServer.Execute($"INSERT INTO {table} VALUES {string.Join(", ", rows)}");
        var request = Request(table);

        var result = ClickHouseImport.Read(request, Options);

        Assert.Equal(input, result.Import.Cube.TotalTokens(TokenKind.UncachedInput));
        Assert.Equal((2L, rejected), (result.Import.Report.RowsRead, result.Import.Report.Rejected));
        var layout = ClickHouseLayout.Resolve(request, [.. ClickHouseServer.Execute($"DESCRIBE TABLE {table} FORMAT TabSeparated")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(f => new ClickHouseColumn(f[0], f[1]))]);
        var fast = System.Text.Encoding.UTF8.GetByteCount(ClickHouseQuery.Describe(request) + ClickHouseQuery.Aggregate(request, layout, CubeQuery.Fast));
        if (fastOnly) Assert.Equal(fast, result.BytesSent);
        else Assert.True(result.BytesSent > fast, "the checked query was sent too");
    }

    [ClickHouseFact]
    public void Text_timestamps_and_text_or_nullable_counts_follow_the_gateway_rules()
    {
        var table = ClickHouseServer.NewTable("textlog");
        ClickHouseServer.Execute($"CREATE TABLE {table} (ts String, model Nullable(String), prompt_tokens String, completion_tokens Nullable(Int64), price Float64) ENGINE = MergeTree ORDER BY tuple()");
        ClickHouseServer.Execute($"INSERT INTO {table} VALUES ('2026-08-05T23:30:00-05:00','claude-opus-5','12',5,0), ('1785974400','claude-opus-5',' 3.0 ',NULL,0), " +
            "('1785974400000','claude-opus-5','',2,0), ('garbage','claude-opus-5','1',1,0), ('2026-08-05','claude-opus-5','-4',1,0), ('2026-08-05','claude-opus-5','1.5',1,0), " +
            "('2026-08-05',NULL,'1',1,0), ('','claude-opus-5','1',1,0), ('2026-08-05','claude-opus-5','',-3,0)");
        var request = Request(table) with { ColumnMap = GatewayLog.ParseMap("timestamp=ts") };

        var result = ClickHouseImport.Read(request, Options);

        // 04:30Z on the 6th (12), Unix seconds 1785974400 = 2026-08-06T00:00Z (3), Unix milliseconds of the same instant (empty = 0).
        Assert.Equal(15, CubeAssert.Tokens(result.Import.Cube, k => k.Day == new DateOnly(2026, 8, 6) && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(7, CubeAssert.Tokens(result.Import.Cube, k => k.Day == new DateOnly(2026, 8, 6) && k.Kind == TokenKind.Output));
        var report = result.Import.Report;
        Assert.Equal((9L, 3L, 6L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.Equal(
            ["input: '-4' is negative", "input: '1.5' is not a whole number", "model: empty", "output: '-3' is negative",
             "timestamp: 'garbage' is not a timestamp (ISO-8601 or Unix seconds/milliseconds)", "timestamp: empty"],
            report.RejectedRows.Select(r => r.Reason).Order(StringComparer.Ordinal));
    }

    [ClickHouseFact]
    public void Distributed_table_over_two_shards_gives_the_same_cube_as_one_table()
    {
        var csv = RequestLogRows.Csv(4000, seed: 7);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var half = lines.Length / 2;
        var local = ClickHouseServer.NewTable("local");
        Load(ClickHouseServer.Shard1, local, RequestLogRows.TableColumns, string.Join('\n', lines[..half]) + "\n");
        Load(ClickHouseServer.Shard2, local, RequestLogRows.TableColumns, string.Join('\n', [lines[0], .. lines[half..]]) + "\n");
        var distributed = ClickHouseServer.NewTable("dist");
        ClickHouseServer.Execute($"CREATE TABLE {distributed} AS {local} ENGINE = Distributed({ClickHouseServer.Cluster}, default, {local})");
        var single = Load(ClickHouseServer.Shard1, ClickHouseServer.NewTable("single"), RequestLogRows.TableColumns, csv);

        var whole = ClickHouseImport.Read(Request(single), Options);
        var sharded = ClickHouseImport.Read(Request(distributed), Options);

        Assert.Equal(Sorted(whole.Import.Cube), Sorted(sharded.Import.Cube));
        var (a, b) = (whole.Import.Report, sharded.Import.Report);
        Assert.Equal((4000L, a.Accepted, a.Rejected), (b.RowsRead, b.Accepted, b.Rejected));
        Assert.True(b.Rejected > 0, "the generated rows include bad ones");
        Assert.Equal(a.RejectedRows.Select(r => (r.Reason, r.Rows)), b.RejectedRows.Select(r => (r.Reason, r.Rows)));
        // Each shard holds rows of the same keys, so the server that was asked merged partial groups from both.
        Assert.Equal(whole.Groups, sharded.Groups);
    }

    /// <summary>
    /// Rows rejected only for their group's key (a day outside the accepted dates, an empty model) get the server's
    /// reasons and counts without a second query: the bytes sent are those of an import that rejected nothing.
    /// </summary>
    [ClickHouseFact]
    public void Days_outside_the_accepted_dates_and_empty_models_are_reasoned_from_the_groups_without_a_second_query()
    {
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
        var bad = CreateRequests(
            $"('2026-08-05 10:00:00','claude-opus-5','a','',100,10,0,0), ('{future:yyyy-MM-dd} 01:00:00','claude-opus-5','a','',1,0,0,0), " +
            $"('{future:yyyy-MM-dd} 02:00:00','  ','b','batch',1,0,0,0), ('2020-01-01 00:00:00','claude-opus-5','a','',1,0,0,0), " +
            "('2026-08-05 11:00:00','','a','turbo',1,0,0,0), ('2026-08-06 11:00:00',' ','c','',1,0,0,0)");
        var good = CreateRequests("('2026-08-05 10:00:00','claude-opus-5','a','',100,10,0,0)");

        var result = ClickHouseImport.Read(Request(bad), Options);
        var clean = ClickHouseImport.Read(Request(good), Options);

        var report = result.Import.Report;
        Assert.Equal((6L, 1L, 5L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.Equal(clean.BytesSent, result.BytesSent);
        var layout = ClickHouseLayout.Resolve(Request(bad), [.. ClickHouseServer.Execute($"DESCRIBE TABLE {bad} FORMAT TabSeparated")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(f => new ClickHouseColumn(f[0], f[1]))]);
        var fromServer = ClickHouseServer.Execute(ClickHouseQuery.Rejections(Request(bad), layout))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(f => (f[0], long.Parse(f[1], CultureInfo.InvariantCulture)));
        Assert.Equal(fromServer, report.RejectedRows.Select(r => (r.Reason, r.Rows)));
        Assert.Equal(["model: empty", $"timestamp: {UsageWindow.Outside(new DateOnly(2020, 1, 1))}", $"timestamp: {UsageWindow.Outside(future)}"],
            report.RejectedRows.Select(r => r.Reason).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// An answer of several megabytes, folded on two threads: the reasons both threads reasoned from their groups'
    /// keys add up to the rows behind each, still without a second query.
    /// </summary>
    [ClickHouseFact]
    public void Reasons_from_the_keys_add_up_across_the_two_folding_threads()
    {
        var table = ClickHouseServer.NewTable("wide");
        ClickHouseServer.Execute($"CREATE TABLE {table} (timestamp DateTime('UTC'), model String, workspace String, service_tier String, input_tokens UInt64, " +
            "output_tokens UInt64) ENGINE = MergeTree ORDER BY timestamp");
        ClickHouseServer.Execute($"INSERT INTO {table} SELECT if(number % 89 = 0, toDateTime('2010-01-01 00:00:00', 'UTC'), toDateTime(1785888000 + (number % 13) * 86400, 'UTC')), " +
            "if(number % 97 = 0, '', 'claude-opus-5'), concat('ws-', toString(number % 20000)), '', number % 1000, 1 FROM system.numbers LIMIT 200000");
        var request = Request(table);
        var reports = new List<ImportProgress>();

        var result = ClickHouseImport.Read(request, Options with { Progress = new Recorder(reports) });

        Assert.True(result.BytesReceived > 3 * ClickHouseHttp.ChunkBytes, $"the answer ({result.BytesReceived:N0} bytes) spans several chunks");
        // Each chunk read is reported: the bytes received so far, rising, and the groups folded on the reading thread.
        Assert.True(reports.Count >= 3, $"{reports.Count} progress reports");
        Assert.All(reports, r => Assert.Equal(request.SourceName, r.File));
        Assert.Equal(reports.Select(r => r.Bytes).Order(), reports.Select(r => r.Bytes));
        Assert.InRange(reports[^1].Bytes, reports[0].Bytes + 1, result.BytesReceived);
        Assert.InRange(reports[^1].Rows, 1, result.Groups);
        var report = result.Import.Report;
        // Rows 0, 89, 178, … lie in 2010; rows 0, 97, 194, … have no model (24 rows are both, and count as 2010's).
        Assert.Equal((200_000L, 200_000L - 4286, 4286L), (report.RowsRead, report.Accepted, report.Rejected));
        Assert.Equal([($"timestamp: {UsageWindow.Outside(new DateOnly(2010, 1, 1))}", 2248L), ("model: empty", 2038L)], report.RejectedRows.Select(r => (r.Reason, r.Rows)));
        // No second query: what was sent is the DESCRIBE and the cube's query.
        var layout = ClickHouseLayout.Resolve(request, [.. ClickHouseServer.Execute($"DESCRIBE TABLE {table} FORMAT TabSeparated")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(f => new ClickHouseColumn(f[0], f[1]))]);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(ClickHouseQuery.Describe(request) + ClickHouseQuery.Aggregate(request, layout, CubeQuery.Fast)), result.BytesSent);
        Assert.Equal(20_000, result.Import.Cube.Workspaces.Length);
        Assert.Equal(Enumerable.Range(0, 200_000).Where(n => n % 89 != 0 && n % 97 != 0).Sum(n => (long)(n % 1000)), result.Import.Cube.TotalTokens(TokenKind.UncachedInput));
    }

    /// <summary>
    /// The gateway importer's cube, counts and reasons from the same rows exported to Parquet; the second case's answer
    /// (tens of thousands of groups, several megabytes) is folded on two threads split by day and built in two parts.
    /// </summary>
    [ClickHouseTheory]
    [InlineData(3000, 0)]
    [InlineData(60_000, 4000)]
    public void The_same_rows_give_the_gateway_importers_cube_from_a_parquet_export(int rows, int manyWorkspaces)
    {
        var csv = RequestLogRows.Csv(rows, seed: 11, manyWorkspaces);
        var table = Load(ClickHouseServer.Shard1, ClickHouseServer.NewTable("parity"), RequestLogRows.TableColumns, csv);
        var csvPath = Fixtures.Temp(csv);
        var parquet = Path.ChangeExtension(csvPath, ".parquet");
        using (var duck = DuckDb.Open())
        {
            DuckDb.Execute(duck, $"COPY (SELECT * FROM read_csv({DuckDb.Literal(csvPath)}, header = true, columns = {{'timestamp': 'TIMESTAMP', 'model': 'VARCHAR', " +
                $"'workspace': 'VARCHAR', 'service_tier': 'VARCHAR', 'input_tokens': 'BIGINT', 'output_tokens': 'BIGINT', 'cache_read_input_tokens': 'BIGINT'}})) " +
                $"TO {DuckDb.Literal(parquet)} (FORMAT parquet)");
        }

        var result = ClickHouseImport.Read(Request(table), Options);
        var fromClickHouse = result.Import;
        var fromParquet = GatewayLog.Read(parquet, Options);
        if (manyWorkspaces > 0)
        {
            Assert.True(result.BytesReceived > 3 * ClickHouseHttp.ChunkBytes, $"the answer ({result.BytesReceived:N0} bytes) spans several chunks");
            // Gzipped, as from a server on another machine: the same cube from well under half the bytes.
            var gzipped = ClickHouseImport.Read(Request(table) with { Compress = true }, Options);
            Assert.Equal(Sorted(fromClickHouse.Cube), Sorted(gzipped.Import.Cube));
            Assert.True(gzipped.BytesReceived < result.BytesReceived / 2, $"gzipped {gzipped.BytesReceived:N0} bytes against {result.BytesReceived:N0}");
        }

        Assert.Equal(Sorted(fromParquet.Cube), Sorted(fromClickHouse.Cube));
        var (p, c) = (fromParquet.Report, fromClickHouse.Report);
        Assert.Equal((p.RowsRead, p.Accepted, p.Rejected), (c.RowsRead, c.Accepted, c.Rejected));
        Assert.True(c.Rejected > 0);
        Assert.Equal(p.UnknownModels.ToArray(), c.UnknownModels.ToArray());
        if (p.RejectedRows.Length == ImportDiagnostics.MaxKeptRejections)
        {
            // More reasons than either keeps (the gateway importer keeps the first rows, ClickHouse the commonest reasons).
            Assert.Equal(ImportDiagnostics.MaxKeptRejections, c.RejectedRows.Length);
            return;
        }
        // Each reason counts as many rows as the gateway importer lists with that reason.
        var parquetReasons = p.RejectedRows.GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(parquetReasons.OrderBy(kv => kv.Key, StringComparer.Ordinal), c.RejectedRows.Select(r => KeyValuePair.Create(r.Reason, r.Rows)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [ClickHouseFact]
    public void Filters_and_the_day_range_are_applied_on_the_server_and_values_stay_data()
    {
        var table = CreateRequests(
            "('2026-08-04 23:59:59','claude-opus-5','a','',1,0,0,0), ('2026-08-05 00:00:00','claude-opus-5','a','',10,0,0,0), ('2026-08-06 23:59:59','claude-opus-5','b','',100,0,0,0), " +
            "('2026-08-07 00:00:00','claude-opus-5','a','',1000,0,0,0), ('2026-08-05 12:00:00','claude-opus-5','c','',10000,0,0,0)");
        var range = Request(table) with { From = new DateOnly(2026, 8, 5), To = new DateOnly(2026, 8, 6) };

        Assert.Equal(10110, ClickHouseImport.Read(range, Options).Import.Cube.TotalTokens(TokenKind.UncachedInput));
        var some = range with { Filters = [ClickHouseFilter.Parse("workspace=a"), ClickHouseFilter.Parse("workspace=b")] };
        Assert.Equal(110, ClickHouseImport.Read(some, Options).Import.Cube.TotalTokens(TokenKind.UncachedInput));
        var notC = Request(table) with { Filters = [ClickHouseFilter.Parse("workspace!=c")] };
        Assert.Equal(1111, ClickHouseImport.Read(notC, Options).Import.Cube.TotalTokens(TokenKind.UncachedInput));
        // A value that would change the query if it were pasted into it matches nothing.
        var injection = Request(table) with { Filters = [ClickHouseFilter.Parse("workspace=a' OR '1'='1")] };
        Assert.Equal(0, ClickHouseImport.Read(injection, Options).Import.Report.RowsRead);
    }

    [ClickHouseFact]
    public void Helicone_preset_reads_anthropic_rows_once_each_from_request_response_rmt()
    {
        var database = ClickHouseServer.NewTable("helicone");
        ClickHouseServer.Execute($"CREATE DATABASE {database}");
        ClickHouseServer.Execute($"CREATE TABLE {database}.request_response_rmt (request_id String, request_created_at DateTime('UTC'), model String, provider String, " +
            "prompt_tokens Nullable(Int64), completion_tokens Nullable(Int64), prompt_cache_write_tokens Nullable(Int64), prompt_cache_read_tokens Nullable(Int64), " +
            "updated_at DateTime('UTC')) ENGINE = ReplacingMergeTree(updated_at) ORDER BY (provider, model, request_created_at, request_id)");
        // r1 is written twice (Helicone rewrites rows); r3 is another provider's.
        ClickHouseServer.Execute($"INSERT INTO {database}.request_response_rmt VALUES ('r1','2026-08-05 10:00:00','claude-opus-5','ANTHROPIC',100,10,20,30,'2026-08-05 10:00:01')");
        ClickHouseServer.Execute($"INSERT INTO {database}.request_response_rmt VALUES ('r1','2026-08-05 10:00:00','claude-opus-5','ANTHROPIC',100,10,20,30,'2026-08-05 10:05:00'), " +
            "('r2','2026-08-05 11:00:00','claude-sonnet-4-6','anthropic',5,1,NULL,NULL,'2026-08-05 11:00:01'), ('r3','2026-08-05 11:00:00','gpt-x','OPENAI',999,999,0,0,'2026-08-05 11:00:01')");
        var request = ClickHousePreset.Helicone.ApplyTo(new ClickHouseRequest { Url = ClickHouseServer.Shard1, Database = database, Table = "" }, tableGiven: false);

        var result = ClickHouseImport.Read(request, Options);

        var cube = result.Import.Cube;
        Assert.Equal((105L, 11L, 20L, 30L), (cube.TotalTokens(TokenKind.UncachedInput), cube.TotalTokens(TokenKind.Output), cube.TotalTokens(TokenKind.CacheWrite5m), cube.TotalTokens(TokenKind.CacheRead)));
        Assert.Equal((2L, 0L), (result.Import.Report.RowsRead, result.Import.Report.Rejected));
        Assert.Equal(["claude-opus-5", "claude-sonnet-4-6"], cube.Models.Order(StringComparer.Ordinal));
    }

    [ClickHouseFact]
    public void A_user_with_a_password_from_a_file_reads_and_a_wrong_password_is_never_shown()
    {
        var table = CreateRequests("('2026-08-05 10:00:00','claude-opus-5','a','',1,0,0,0)");
        var good = Request(table) with { User = ClickHouseServer.PasswordUser, Password = ClickHousePassword.FromFile(Fixtures.Temp(ClickHouseServer.Password + "\n", ".txt")) };
        Assert.Equal(1, ClickHouseImport.Read(good, Options).Import.Report.RowsRead);

        const string wrong = "not-the-password-4711";
        var bad = good with { Password = ClickHousePassword.FromFile(Fixtures.Temp(wrong, ".txt")) };
        var error = Assert.Throws<ImportException>(() => ClickHouseImport.Read(bad, Options));
        Assert.Contains("password", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, bad.ToString(), StringComparison.Ordinal);
    }

    [ClickHouseFact]
    public void A_missing_table_or_column_is_named_in_the_message()
    {
        var missing = Assert.Throws<ImportException>(() => ClickHouseImport.Read(Request("no_such_table"), Options));
        Assert.Contains("no_such_table", missing.Message, StringComparison.Ordinal);
        var table = CreateRequests("('2026-08-05 10:00:00','claude-opus-5','a','',1,0,0,0)");
        var badMap = Request(table) with { ColumnMap = GatewayLog.ParseMap("input=prompt") };
        Assert.Contains("--map input=prompt: the table has no column 'prompt'", Assert.Throws<ImportException>(() => ClickHouseImport.Read(badMap, Options)).Message, StringComparison.Ordinal);
    }

    /// <summary>Keeps every progress report, on the thread that made it.</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }

    [Fact]
    public void An_unreachable_server_is_a_clear_input_error()
    {
        var request = new ClickHouseRequest { Url = new Uri("http://127.0.0.1:1"), Table = "requests" };
        var error = Assert.Throws<ImportException>(() => ClickHouseImport.Read(request, Options));
        Assert.Contains("cannot reach the ClickHouse server at http://127.0.0.1:1: connection refused", error.Message, StringComparison.Ordinal);
    }
}
