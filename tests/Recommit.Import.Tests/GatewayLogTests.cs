using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.Tests;

public class GatewayLogTests
{
    /// <summary>Writes a CSV file's parseable rows to Parquet with DuckDB's own type detection.</summary>
    internal static string ToParquet(string csvPath)
    {
        var target = Path.ChangeExtension(Fixtures.Temp(""), ".parquet");
        using var connection = DuckDb.Open();
        DuckDb.Execute(connection, $"COPY (SELECT * FROM read_csv({DuckDb.Literal(csvPath)}, header = true, ignore_errors = true)) TO {DuckDb.Literal(target)} (FORMAT parquet)");
        return target;
    }

    [Fact]
    public void Gateway_csv_aggregates_requests_to_utc_days_and_rejects_bad_rows_with_lines()
    {
        var result = GatewayLog.Read(Fixtures.Path("gateway.csv"), Fixtures.Options);
        var cube = result.Cube;
        var aug5 = new DateOnly(2026, 8, 5);
        var aug6 = new DateOnly(2026, 8, 6);
        // 10:00Z (100) and 11:00 naive = UTC (1) on the 5th; 23:30 at -05:00 is 04:30Z on the 6th (200).
        Assert.Equal(101, CubeAssert.Tokens(cube, k => k.Day == aug5 && k.Model == "claude-opus-5" && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(200, CubeAssert.Tokens(cube, k => k.Day == aug6 && k.Model == "claude-opus-5" && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(1000, CubeAssert.Tokens(cube, k => k.Day == aug5 && k.Kind == TokenKind.CacheRead));
        Assert.Equal(50, CubeAssert.Tokens(cube, k => k.Day == aug6 && k.Kind == TokenKind.CacheWrite5m));
        // Unix seconds 1785974400 = 2026-08-06T00:00:00Z; the dated alias resolves to the canonical id.
        Assert.Equal(5, CubeAssert.Tokens(cube, k => k.Day == aug6 && k.Model == "claude-sonnet-4-5" && k.Kind == TokenKind.UncachedInput));
        Assert.Equal("search", cube.Cells().First(c => c.Key.Model == "claude-opus-5").Key.Workspace);

        var report = result.Report;
        Assert.Equal(11, report.RowsRead);
        Assert.Equal(5, report.Accepted);
        Assert.Equal(6, report.Rejected);
        CubeAssert.Reconciles(report);
        Assert.Equal([6L, 7, 8, 9, 10, 11], report.RejectedRows.Select(r => r.Line));
        Assert.Contains("timestamp", report.RejectedRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("model: empty", report.RejectedRows[1].Reason, StringComparison.Ordinal);
        Assert.Contains("negative", report.RejectedRows[2].Reason, StringComparison.Ordinal);
        Assert.Contains("not a whole number", report.RejectedRows[3].Reason, StringComparison.Ordinal);
        Assert.Contains("not a whole number", report.RejectedRows[4].Reason, StringComparison.Ordinal);
        Assert.Contains("CSV", report.RejectedRows[5].Reason, StringComparison.Ordinal);
        Assert.Equal(["claude-unknown-1"], report.UnknownModels.ToArray());
    }

    [Fact]
    public void Gateway_json_lines_with_nested_counts_read_through_a_column_map()
    {
        var options = Fixtures.Options with { ColumnMap = GatewayLog.ParseMap("timestamp=ts,input=usage.prompt_tokens,output=usage.completion_tokens,workspace=key") };
        var result = GatewayLog.Read(Fixtures.Path("gateway.jsonl"), options);
        Assert.Equal(100, CubeAssert.Tokens(result.Cube, k => k.Day == new DateOnly(2026, 8, 5) && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(200, CubeAssert.Tokens(result.Cube, k => k.Day == new DateOnly(2026, 8, 6) && k.Kind == TokenKind.UncachedInput));
        Assert.Equal("k1", result.Cube.Cells().First().Key.Workspace);
        Assert.Equal(4, result.Report.RowsRead);
        Assert.Equal([3L, 5], result.Report.RejectedRows.Select(r => r.Line));
        CubeAssert.Reconciles(result.Report);
    }

    [Fact]
    public void Gateway_parquet_gives_the_same_cube_as_the_csv_it_came_from()
    {
        var parquet = ToParquet(Fixtures.Path("gateway.csv"));
        var fromParquet = GatewayLog.Read(parquet, Fixtures.Options);
        var fromCsv = GatewayLog.Read(Fixtures.Path("gateway.csv"), Fixtures.Options);
        // Parquet holds only what DuckDB could type from the CSV; every accepted CSV request that survived is there.
        Assert.Equal(CubeAssert.Tokens(fromCsv.Cube, k => k.Kind == TokenKind.Output && k.Model == "claude-sonnet-4-5"),
            CubeAssert.Tokens(fromParquet.Cube, k => k.Kind == TokenKind.Output && k.Model == "claude-sonnet-4-5"));
        CubeAssert.Reconciles(fromParquet.Report);
        Assert.True(fromParquet.Report.Accepted >= 1);
    }

    [Fact]
    public void Other_gateways_column_names_are_mapped_with_the_map_option()
    {
        var path = Fixtures.Temp("created,llm,prompt,completion,team\n2026-08-05T01:00:00Z,claude-opus-5,10,20,a\n2026-08-05T02:00:00Z,claude-opus-5,1,2,a\n");
        var options = Fixtures.Options with { ColumnMap = GatewayLog.ParseMap("timestamp=created,model=llm,input=prompt,output=completion") };
        var cube = GatewayLog.Read(path, options).Cube;
        Assert.Equal(11, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.UncachedInput));
        Assert.Equal(22, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.Output));
    }

    [Fact]
    public void A_map_naming_a_missing_column_is_refused_with_the_column_name()
    {
        var options = Fixtures.Options with { ColumnMap = GatewayLog.ParseMap("timestamp=when") };
        var e = Assert.Throws<ImportException>(() => GatewayLog.Read(Fixtures.Path("gateway.csv"), options));
        Assert.Contains("'when'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("bogus=ts")]
    [InlineData("input=")]
    public void Malformed_map_options_are_refused(string map) => Assert.Throws<ImportException>(() => GatewayLog.ParseMap(map));

    [Fact]
    public void Service_tier_column_sets_the_tier_and_unknown_tiers_are_rejected()
    {
        var path = Fixtures.Temp("timestamp,model,input_tokens,output_tokens,service_tier\n2026-08-05T01:00:00Z,claude-opus-5,10,20,batch\n2026-08-05T01:00:00Z,claude-opus-5,1,2,platinum\n");
        var result = GatewayLog.Read(path, Fixtures.Options);
        Assert.Equal(10, CubeAssert.Tokens(result.Cube, k => k.Tier == ServiceTier.Batch && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(1, result.Report.Rejected);
        Assert.Equal(3, result.Report.RejectedRows[0].Line);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void A_bad_count_rejects_only_its_own_row_among_valid_rows_of_the_same_day_and_model(string container)
    {
        // The counts are whole numbers, so DuckDB types them as integers and the -3 is caught as a typed value.
        var csv = Fixtures.Temp(
            "timestamp,model,input_tokens,output_tokens,service_tier\n" +
            "2026-08-05T01:00:00Z,claude-opus-5,10,20,batch\n" +
            "2026-08-05T02:00:00Z,claude-opus-5,-3,2,batch\n" +
            "2026-08-05T03:00:00Z, claude-opus-5 ,7,1, Batch\n" +
            "2026-08-05T04:00:00Z,   ,5,5,\n" +
            "2026-08-05T05:00:00Z,claude-opus-5,1,1,\n");
        var path = container == "csv" ? csv : ToParquet(csv);
        var result = GatewayLog.Read(path, Fixtures.Options);

        Assert.Equal(17, CubeAssert.Tokens(result.Cube, k => k.Tier == ServiceTier.Batch && k.Model == "claude-opus-5" && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(21, CubeAssert.Tokens(result.Cube, k => k.Tier == ServiceTier.Batch && k.Model == "claude-opus-5" && k.Kind == TokenKind.Output));
        Assert.Equal(1, CubeAssert.Tokens(result.Cube, k => k.Tier == ServiceTier.Standard && k.Kind == TokenKind.UncachedInput));
        var report = result.Report;
        Assert.Equal(5, report.RowsRead);
        Assert.Equal(3, report.Accepted);
        CubeAssert.Reconciles(report);
        // Parquet rows are numbered from 1, CSV data rows from line 2.
        var first = container == "csv" ? 3L : 2L;
        Assert.Equal([first, first + 2], report.RejectedRows.Select(r => r.Line));
        Assert.Contains("negative", report.RejectedRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("model: empty", report.RejectedRows[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parquet_statistics_prove_the_count_range_only_when_every_row_group_is_in_range()
    {
        // Several row groups each, so that one bad group among clean ones must be found.
        string Parquet(string values)
        {
            var target = Path.ChangeExtension(Fixtures.Temp(""), ".parquet");
            using var write = DuckDb.Open();
            DuckDb.Execute(write, $"COPY (SELECT i AS n, i % 7 AS input_tokens, {values} AS cache_read_input_tokens FROM range(5000) t(i)) " +
                                  $"TO {DuckDb.Literal(target)} (FORMAT parquet, ROW_GROUP_SIZE 1000)");
            return target;
        }
        using var connection = DuckDb.Open();
        bool InRange(string values, params string[] columns) => GatewayLog.ParquetCountsInRange(connection, Parquet(values), columns);

        Assert.True(InRange("i * 1000", "input_tokens", "cache_read_input_tokens"));
        Assert.True(InRange("NULL::BIGINT", "input_tokens", "cache_read_input_tokens"));
        Assert.True(InRange("CASE WHEN i < 1000 THEN NULL ELSE i END", "INPUT_TOKENS", "cache_read_input_tokens"));
        Assert.True(InRange("999999999999999999", "cache_read_input_tokens"));
        Assert.False(InRange("CASE WHEN i = 4321 THEN -1 ELSE i END", "input_tokens", "cache_read_input_tokens"));
        Assert.False(InRange("CASE WHEN i = 4321 THEN 1000000000000000000 ELSE i END", "cache_read_input_tokens"));
        Assert.False(InRange("i", "input_tokens", "no_such_column"));
    }

    [Fact]
    public void A_parquet_count_too_large_for_the_cube_is_rejected_on_its_own_row()
    {
        var csv = Fixtures.Temp(
            "timestamp,model,input_tokens,output_tokens\n" +
            "2026-08-05T01:00:00Z,claude-opus-5,10,20\n" +
            "2026-08-05T02:00:00Z,claude-opus-5,2000000000000000000,2\n" +
            "2026-08-05T03:00:00Z,claude-opus-5,,1\n");
        var result = GatewayLog.Read(ToParquet(csv), Fixtures.Options);

        Assert.Equal(10, CubeAssert.Tokens(result.Cube, k => k.Kind == TokenKind.UncachedInput));
        Assert.Equal(21, CubeAssert.Tokens(result.Cube, k => k.Kind == TokenKind.Output));
        Assert.Equal(2, result.Report.Accepted);
        CubeAssert.Reconciles(result.Report);
        var rejected = Assert.Single(result.Report.RejectedRows);
        Assert.Equal(2, rejected.Line);
        Assert.Contains("too large", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_that_add_up_past_the_cube_limit_only_after_trimming_names_are_refused_with_a_message()
    {
        // Each raw name's group fits in 64 bits; the two names are one model once trimmed, and together they do not.
        var rows = string.Concat(Enumerable.Range(0, 12).Select(i => $"2026-08-05T0{i % 10}:00:00Z,{(i % 2 == 0 ? "claude-opus-5" : " claude-opus-5 ")},999999999999999999\n"));
        var csv = Fixtures.Temp("timestamp,model,input_tokens\n" + rows);
        var e = Assert.Throws<ImportException>(() => GatewayLog.Read(csv, Fixtures.Options));
        Assert.Contains("add up to more than", e.Message, StringComparison.Ordinal);
        Assert.Contains("2026-08-05", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_reported_for_a_gateway_import()
    {
        var seen = new List<ImportProgress>();
        var options = Fixtures.Options with { Progress = new Sink(seen) };
        GatewayLog.Read(Fixtures.Path("gateway.csv"), options);
        Assert.NotEmpty(seen);
        Assert.Equal(11, seen[^1].Rows);
        Assert.Equal(new FileInfo(Fixtures.Path("gateway.csv")).Length, seen[^1].Bytes);
    }

    private sealed class Sink(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
