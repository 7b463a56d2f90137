using Recommit.Import.ConsoleExport;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import.Tests;

public class ConsoleExportTests
{
    [Fact]
    public void Console_usage_export_in_its_real_column_order_becomes_cells_per_token_kind()
    {
        var result = ConsoleUsageCsv.Read(Fixtures.Path("console-usage.csv"), Fixtures.Options);
        var cube = result.Cube;
        var day = new DateOnly(2026, 8, 5);
        Assert.Equal(46981, CubeAssert.Tokens(cube, k => k.Day == day && k.Model == "claude-opus-5" && k.Tier == ServiceTier.Standard && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(15969, CubeAssert.Tokens(cube, k => k.Day == day && k.Model == "claude-opus-5" && k.Kind == TokenKind.CacheWrite5m));
        Assert.Equal(16932, CubeAssert.Tokens(cube, k => k.Day == day && k.Model == "claude-opus-5" && k.Tier == ServiceTier.Standard && k.Kind == TokenKind.Output));
        Assert.Equal(500, CubeAssert.Tokens(cube, k => k.Tier == ServiceTier.Batch && k.Kind == TokenKind.CacheRead));
        Assert.All(cube.Cells(), c => Assert.Equal(Channel.Anthropic, c.Key.Channel));
    }

    [Fact]
    public void Console_context_label_above_200k_is_the_long_band_and_at_most_200k_is_standard()
    {
        var cube = ConsoleUsageCsv.Read(Fixtures.Path("console-usage.csv"), Fixtures.Options).Cube;
        Assert.Equal(300000, CubeAssert.Tokens(cube, k => k.Model == "claude-sonnet-4-5" && k.Band == ContextBand.Long && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(3, CubeAssert.Tokens(cube, k => k.Model == "claude-sonnet-4-5" && k.Kind == TokenKind.WebSearch));
        Assert.Equal(0, CubeAssert.Tokens(cube, k => k.Model == "claude-opus-5" && k.Band == ContextBand.Long));
    }

    [Fact]
    public void Console_usage_duplicate_row_replaces_rather_than_adds_and_is_counted()
    {
        var result = ConsoleUsageCsv.Read(Fixtures.Path("console-usage.csv"), Fixtures.Options);
        Assert.Equal(1, result.Report.Duplicates);
        Assert.Equal(100, CubeAssert.Tokens(result.Cube, k => k.Day == new DateOnly(2026, 8, 6) && k.Model == "claude-opus-5" && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(200, CubeAssert.Tokens(result.Cube, k => k.Geo == InferenceGeo.Us && k.Speed == Speed.Fast && k.Kind == TokenKind.CacheWrite1h));
    }

    [Fact]
    public void Console_usage_rejects_bad_rows_with_their_line_and_flags_unknown_models()
    {
        var report = ConsoleUsageCsv.Read(Fixtures.Path("console-usage.csv"), Fixtures.Options).Report;
        Assert.Equal(8, report.RowsRead);
        Assert.Equal(6, report.Accepted);
        Assert.Equal(2, report.Rejected);
        CubeAssert.Reconciles(report);
        Assert.Equal(8, report.RejectedRows[0].Line);
        Assert.Contains("usage_date_utc", report.RejectedRows[0].Reason, StringComparison.Ordinal);
        Assert.Equal(9, report.RejectedRows[1].Line);
        Assert.Contains("negative", report.RejectedRows[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["claude-mystery-9"], report.UnknownModels.ToArray());
    }

    [Fact]
    public void Older_console_export_with_one_cache_write_column_reads_it_as_five_minute_writes()
    {
        var path = Fixtures.Temp("usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,usage_input_tokens_cache_write,usage_input_tokens_cache_read,usage_output_tokens\n" +
                                 "2026-08-05,claude-opus-5,k,Default,standard,≤ 200k,1,77,0,2\n");
        var cube = ConsoleUsageCsv.Read(path, Fixtures.Options).Cube;
        Assert.Equal(77, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.CacheWrite5m));
    }

    [Fact]
    public void Console_cost_export_becomes_list_dollars_by_month_and_canonical_model()
    {
        var result = ConsoleCostCsv.Read(Fixtures.Path("console-cost.csv"), Fixtures.Options);
        var rows = result.Spend.Rows.ToDictionary(r => (r.Month, r.ModelOrFamily), r => r.ListUsd.Value);
        Assert.Equal(36.75m, rows[(new YearMonth(2026, 8), "claude-sonnet-4-5")]);
        Assert.Equal(6.00m, rows[(new YearMonth(2026, 8), "claude-opus-5")]);
        Assert.Equal(7.00m, rows[(new YearMonth(2026, 9), "claude-opus-5")]);
        Assert.Equal(1, result.Report.Duplicates);
        Assert.Equal(1, result.Report.Rejected);
        Assert.Equal(8, result.Report.RejectedRows[0].Line);
        CubeAssert.Reconciles(result.Report);
    }

    [Theory]
    [InlineData("≤ 200k", ContextBand.Standard)]
    [InlineData("<= 200k", ContextBand.Standard)]
    [InlineData("", ContextBand.Standard)]
    [InlineData("> 200k", ContextBand.Long)]
    [InlineData("200k-1M", ContextBand.Long)]
    public void Context_window_labels_map_to_bands(string label, ContextBand expected)
    {
        Assert.True(ConsoleLabels.TryBand(label, out var band));
        Assert.Equal(expected, band);
    }
}
