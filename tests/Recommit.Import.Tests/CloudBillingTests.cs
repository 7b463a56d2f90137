using Recommit.Import.Cloud;
using Recommit.Import.Formats;
using Recommit.Usage;

namespace Recommit.Import.Tests;

public class CloudBillingTests
{
    [Theory]
    [InlineData("USE1-Claude4.6Sonnet-input-tokens", "Claude4.6Sonnet", TokenKind.UncachedInput, ServiceTier.Standard, false)]
    [InlineData("USE1-Claude4.6Sonnet-cache-read-input-token-count", "Claude4.6Sonnet", TokenKind.CacheRead, ServiceTier.Standard, false)]
    [InlineData("USE1-Claude4.6Sonnet-cache-write-input-token-count", "Claude4.6Sonnet", TokenKind.CacheWrite5m, ServiceTier.Standard, false)]
    [InlineData("USE1-Claude4.6Sonnet-output-tokens-cross-region-global", "Claude4.6Sonnet", TokenKind.Output, ServiceTier.Standard, true)]
    [InlineData("USW2-Claude5Opus-output-tokens-priority", "Claude5Opus", TokenKind.Output, ServiceTier.Priority, false)]
    [InlineData("EUC1-Claude4.5Haiku-input-tokens-flex", "Claude4.5Haiku", TokenKind.UncachedInput, ServiceTier.Standard, false)]
    [InlineData("USE1-Claude4.6Sonnet-mantle-input-tokens-standard", "Claude4.6Sonnet", TokenKind.UncachedInput, ServiceTier.Standard, false)]
    public void Bedrock_usage_types_give_model_token_kind_tier_and_routing(string text, string model, TokenKind kind, ServiceTier tier, bool crossRegion)
    {
        Assert.True(BedrockUsageType.TryParse(text, out var parsed));
        Assert.Equal(model, parsed.Model);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(tier, parsed.Tier);
        Assert.Equal(crossRegion, parsed.CrossRegion);
        Assert.Equal(text.Contains("-flex", StringComparison.Ordinal), parsed.Flex);
        Assert.Equal(text.Contains("mantle", StringComparison.Ordinal), parsed.Mantle);
    }

    [Theory]
    [InlineData("USE1-Claude4.6Sonnet-weird-thing")]
    [InlineData("Claude4.6Sonnet-input-tokens")]
    [InlineData("")]
    public void Malformed_bedrock_usage_types_are_not_parsed(string text) => Assert.False(BedrockUsageType.TryParse(text, out _));

    [Fact]
    public void Bedrock_cur_lines_in_thousands_become_tokens_on_the_bedrock_channel()
    {
        var result = BedrockCur.Read(Fixtures.Path("bedrock-cur.csv"), Fixtures.Options);
        var cube = result.Cube;
        // 1500.5 × "1K tokens" = 1,500,500; the mantle line adds 5 × 1,000. The duplicate a1 line is not added.
        Assert.Equal(1_505_500, CubeAssert.Tokens(cube, "claude-sonnet-4-6", TokenKind.UncachedInput));
        Assert.Equal(200_000, CubeAssert.Tokens(cube, "claude-sonnet-4-6", TokenKind.CacheRead));
        Assert.Equal(10_000, CubeAssert.Tokens(cube, "claude-sonnet-4-6", TokenKind.CacheWrite5m));
        Assert.Equal(300_000, CubeAssert.Tokens(cube, "claude-sonnet-4-6", TokenKind.Output));
        Assert.All(cube.Cells(), c => Assert.Equal(Channel.Bedrock, c.Key.Channel));
        // 23:00 at -02:00 is 01:00 the next day in UTC.
        Assert.Equal(2000, CubeAssert.Tokens(cube, k => k.Day == new DateOnly(2026, 8, 6) && k.Tier == ServiceTier.Priority));
        Assert.Equal(1, result.Report.Duplicates);
        Assert.Equal(2, result.Report.Skipped);
        Assert.Equal(1, result.Report.Rejected);
        Assert.Equal(11, result.Report.RejectedRows[0].Line);
        Assert.Equal(["claude-opus-5"], cube.Models.Where(m => m.Contains("opus", StringComparison.Ordinal)));
        CubeAssert.Reconciles(result.Report);
    }

    [Fact]
    public void Bedrock_units_can_be_forced_when_the_file_has_no_pricing_unit()
    {
        const string csv = "line_item_usage_type,line_item_usage_amount,line_item_usage_start_date\nUSE1-Claude4.6Sonnet-input-tokens,2.5,2026-08-05T00:00:00Z\n";
        var asTokens = BedrockCur.Read(Fixtures.Temp(csv), Fixtures.Options);
        Assert.Equal(3, CubeAssert.Tokens(asTokens.Cube, "claude-sonnet-4-6", TokenKind.UncachedInput));
        var asThousands = BedrockCur.Read(Fixtures.Temp(csv), Fixtures.Options with { BedrockUnits = TokenUnitScale.Thousands });
        Assert.Equal(2500, CubeAssert.Tokens(asThousands.Cube, "claude-sonnet-4-6", TokenKind.UncachedInput));
    }

    [Fact]
    public void Vertex_billing_rows_for_claude_become_vertex_cells_on_the_utc_day()
    {
        var result = VertexBilling.Read(Fixtures.Path("vertex.csv"), Fixtures.Options);
        var cube = result.Cube;
        Assert.Equal(1_000_000, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.UncachedInput));
        Assert.Equal(100_000, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.Output));
        Assert.Equal(100_000, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.CacheRead));
        Assert.Equal(20_000, CubeAssert.Tokens(cube, "claude-opus-5", TokenKind.CacheWrite5m));
        Assert.All(cube.Cells(), c => Assert.Equal(Channel.Vertex, c.Key.Channel));
        Assert.All(cube.Cells(), c => Assert.Equal("analytics", c.Key.Workspace));
        Assert.All(cube.Cells(), c => Assert.Equal(new DateOnly(2026, 8, 5), c.Key.Day));
        Assert.Equal(1, result.Report.Skipped);
        Assert.Equal(1, result.Report.Rejected);
        Assert.Equal(7, result.Report.RejectedRows[0].Line);
        CubeAssert.Reconciles(result.Report);
    }

    [Theory]
    [InlineData("Claude Opus 5 Input", "Claude Opus 5", TokenKind.UncachedInput)]
    [InlineData("Claude Opus 5 Output", "Claude Opus 5", TokenKind.Output)]
    [InlineData("Claude Opus 5 Cache Read", "Claude Opus 5", TokenKind.CacheRead)]
    [InlineData("Claude Opus 5 5-minute Cache Write", "Claude Opus 5", TokenKind.CacheWrite5m)]
    [InlineData("Claude Sonnet 4.5 1-hour Cache Write", "Claude Sonnet 4.5", TokenKind.CacheWrite1h)]
    public void Google_claude_sku_descriptions_give_model_and_token_kind(string text, string model, TokenKind kind)
    {
        Assert.True(ClaudeSku.TryParse(text, out var sku));
        Assert.Equal(model, sku.Model);
        Assert.Equal(kind, sku.Kind);
    }

    [Fact]
    public void Focus_rows_for_claude_take_channel_from_the_provider_and_tokens_from_consumed_quantity()
    {
        var result = FocusBilling.Read(Fixtures.Path("focus.csv"), Fixtures.Options);
        var cube = result.Cube;
        Assert.Equal(1_000_000, CubeAssert.Tokens(cube, k => k.Channel == Channel.Bedrock && k.Kind == TokenKind.UncachedInput));
        Assert.Equal(1_000_000, CubeAssert.Tokens(cube, k => k.Channel == Channel.Bedrock && k.Kind == TokenKind.Output));
        // 23:00 at -05:00 on the 4th is the 5th in UTC.
        Assert.Equal(1_000_000, CubeAssert.Tokens(cube, k => k.Channel == Channel.Vertex && k.Kind == TokenKind.CacheRead && k.Day == new DateOnly(2026, 8, 5)));
        Assert.Equal(2, result.Report.Skipped);
        Assert.Equal(1, result.Report.Rejected);
        CubeAssert.Reconciles(result.Report);
    }

    [Fact]
    public void Focus_file_with_two_billing_currencies_is_refused_naming_file_and_line()
    {
        var e = Assert.Throws<ImportException>(() => FocusBilling.Read(Fixtures.Path("focus-mixed-currency.csv"), Fixtures.Options));
        Assert.Equal(4, e.Line);
        Assert.EndsWith("focus-mixed-currency.csv", e.File, StringComparison.Ordinal);
        Assert.Contains("EUR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Focus_reads_parquet_with_the_same_rules_as_csv()
    {
        var parquet = GatewayLogTests.ToParquet(Fixtures.Path("focus.csv"));
        var fromCsv = FocusBilling.Read(Fixtures.Path("focus.csv"), Fixtures.Options);
        var fromParquet = FocusBilling.Read(parquet, Fixtures.Options);
        Assert.Equal(fromCsv.Cube.Cells().ToHashSet(), fromParquet.Cube.Cells().ToHashSet());
        Assert.Equal(fromCsv.Report.RowsRead, fromParquet.Report.RowsRead);
        Assert.Equal(fromCsv.Report.Skipped, fromParquet.Report.Skipped);
    }
}
