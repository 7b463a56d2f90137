using Recommit.Levers;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Tests.Levers;

public class LeverExampleTests
{
    private const string Sonnet = "claude-sonnet-4-5";
    private const string Haiku = "claude-haiku-4-5";
    private const string Opus48 = "claude-opus-4-8";
    private static readonly YearMonth March = new(2026, 3);

    // docs/method.md Example 4 prices, $ per MTok; batch halves every token price.
    internal static decimal Price(string model, ServiceTier tier, TokenKind kind)
    {
        var perMTok = (model, kind) switch
        {
            (Sonnet, TokenKind.UncachedInput) => 3m,
            (Sonnet, TokenKind.CacheWrite5m) => 3.75m,
            (Sonnet, TokenKind.CacheWrite1h) => 6m,
            (Sonnet, TokenKind.CacheRead) => 0.30m,
            (Sonnet, TokenKind.Output) => 15m,
            (Haiku, TokenKind.UncachedInput) => 1m,
            (Haiku, TokenKind.CacheWrite5m) => 1.25m,
            (Haiku, TokenKind.CacheWrite1h) => 2m,
            (Haiku, TokenKind.CacheRead) => 0.10m,
            (Haiku, TokenKind.Output) => 5m,
            (Opus48, TokenKind.UncachedInput) => 5m,
            (Opus48, TokenKind.Output) => 25m,
            _ => 0m,
        };
        return tier == ServiceTier.Batch ? perMTok / 2m : perMTok;
    }

    internal static ModelInfo? Info(string name) => name switch
    {
        Sonnet => new ModelInfo(new ModelId(Sonnet), "Claude Sonnet 4.5", "sonnet", 1, new DateOnly(2025, 9, 29), null),
        Haiku => new ModelInfo(new ModelId(Haiku), "Claude Haiku 4.5", "haiku", 1, new DateOnly(2025, 10, 1), null),
        Opus48 => new ModelInfo(new ModelId(Opus48), "Claude Opus 4.8", "opus", 2, new DateOnly(2026, 1, 1), null),
        "claude-3-5-haiku" => new ModelInfo(new ModelId("claude-3-5-haiku"), "Claude Haiku 3.5", "haiku", 1, new DateOnly(2024, 10, 22), new DateOnly(2026, 2, 19)),
        _ => null,
    };

    private static (LeverSet Set, decimal[] Cells, decimal[] Prices) Example4(params Lever[] levers)
    {
        var layout = new TokenLayout([Sonnet, Haiku]);
        var set = LeverSet.Resolve(new LeverPlan([.. levers]), layout, Info);
        var cells = new decimal[layout.CellCount];
        // Token counts in MTok, prices in $ per MTok: the products are dollars.
        cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.UncachedInput)] = 100m;
        cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.Output)] = 10m;
        return (set, cells, layout.Prices<decimal>(Price));
    }

    private static readonly Lever Route = new RoutingLever("route", March, 0, Sonnet, Haiku, UncertainRange.Point(0.4m), null);
    private static readonly Lever Cache = new CachingLever("cache", March, 0, null, UncertainRange.Point(0.6m), UncertainRange.Point(0.8m), CacheWriteDuration.FiveMinutes);
    private static readonly Lever Batch = new BatchLever("batch", March, 0, null, UncertainRange.Point(0.3m));

    [Fact]
    public void Example_4_waterfall_is_exact_in_decimal()
    {
        var (set, cells, prices) = Example4(Batch, Cache, Route); // file order does not matter: routing, caching, batch
        var values = set.MidpointValues<decimal>();
        Assert.Equal(450.00m, LeverSet.Price<decimal>(cells, prices));
        set.Apply<decimal>(cells, March.Ordinal, values, LeverKind.Routing);
        Assert.Equal(330.00m, LeverSet.Price<decimal>(cells, prices));
        set.Apply<decimal>(cells, March.Ordinal, values, LeverKind.Caching);
        Assert.Equal(241.56m, LeverSet.Price<decimal>(cells, prices));
        set.Apply<decimal>(cells, March.Ordinal, values, LeverKind.Batch);
        var afterBatch = LeverSet.Price<decimal>(cells, prices);
        Assert.Equal(205.326m, afterBatch);
        Assert.Equal(205.33m, Math.Round(afterBatch, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Applying_all_stages_at_once_equals_the_staged_waterfall()
    {
        var (set, cells, prices) = Example4(Route, Cache, Batch);
        set.Apply<decimal>(cells, March.Ordinal, set.MidpointValues<decimal>());
        Assert.Equal(205.326m, LeverSet.Price<decimal>(cells, prices));
    }

    [Fact]
    public void Batch_does_not_halve_already_batched_tokens_twice()
    {
        var layout = new TokenLayout([Sonnet]);
        var set = LeverSet.Resolve(new LeverPlan([new BatchLever("b", March, 0, null, UncertainRange.Point(0.5m))]), layout, Info);
        var cells = new decimal[layout.CellCount];
        cells[TokenLayout.Cell(0, ServiceTier.Batch, TokenKind.UncachedInput)] = 100m;  // $150 at batch
        cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.UncachedInput)] = 100m; // $300 at standard
        var prices = layout.Prices<decimal>(Price);
        set.Apply<decimal>(cells, March.Ordinal, set.MidpointValues<decimal>());
        // Only the standard 100 MTok is eligible: 50 move to batch (saving $75); the batched 100 stay as they are.
        Assert.Equal(375m, LeverSet.Price<decimal>(cells, prices));
        Assert.Equal(150m, cells[TokenLayout.Cell(0, ServiceTier.Batch, TokenKind.UncachedInput)]);
    }

    [Fact]
    public void Caching_applies_to_uncached_input_of_every_tier_and_leaves_output_alone()
    {
        var layout = new TokenLayout([Sonnet]);
        var set = LeverSet.Resolve(new LeverPlan([new CachingLever("c", March, 0, Sonnet, UncertainRange.Point(0.5m), UncertainRange.Point(0.5m), CacheWriteDuration.OneHour)]), layout, Info);
        var cells = new decimal[layout.CellCount];
        cells[TokenLayout.Cell(0, ServiceTier.Batch, TokenKind.UncachedInput)] = 40m;
        cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.Output)] = 7m;
        set.Apply<decimal>(cells, March.Ordinal, set.MidpointValues<decimal>());
        Assert.Equal(20m, cells[TokenLayout.Cell(0, ServiceTier.Batch, TokenKind.UncachedInput)]);
        Assert.Equal(10m, cells[TokenLayout.Cell(0, ServiceTier.Batch, TokenKind.CacheRead)]);
        Assert.Equal(10m, cells[TokenLayout.Cell(0, ServiceTier.Batch, TokenKind.CacheWrite1h)]);
        Assert.Equal(7m, cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.Output)]);
    }

    [Theory]
    [InlineData(-1, 0, "0")]
    [InlineData(0, 4, "0")]
    [InlineData(1, 4, "0.25")]
    [InlineData(3, 4, "0.75")]
    [InlineData(4, 4, "1")]
    [InlineData(9, 4, "1")]
    [InlineData(0, 0, "1")]
    [InlineData(-1, 4, "0")]
    public void Lever_strength_ramps_linearly_from_zero_in_the_start_month(int monthsAfterStart, int ramp, string expected)
    {
        var s = LeverRamp.Strength<decimal>(March, ramp, March.AddMonths(monthsAfterStart));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), s);
    }

    [Fact]
    public void A_ramping_lever_moves_share_times_strength()
    {
        var layout = new TokenLayout([Sonnet, Haiku]);
        var set = LeverSet.Resolve(new LeverPlan([new RoutingLever("r", March, 4, Sonnet, Haiku, UncertainRange.Point(0.4m), null)]), layout, Info);
        var moved = new List<decimal>();
        for (var j = -1; j <= 5; j++)
        {
            var cells = new decimal[layout.CellCount];
            cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.Output)] = 100m;
            set.Apply<decimal>(cells, March.AddMonths(j).Ordinal, set.MidpointValues<decimal>());
            moved.Add(cells[TokenLayout.Cell(1, ServiceTier.Standard, TokenKind.Output)]);
        }
        Assert.Equal([0m, 0m, 10m, 20m, 30m, 40m, 40m], moved);
    }

    [Fact]
    public void Routing_to_a_newer_tokenizer_inflates_tokens_by_default()
    {
        var layout = new TokenLayout([Sonnet, Opus48]);
        var set = LeverSet.Resolve(new LeverPlan([new RoutingLever("r", March, 0, Sonnet, Opus48, UncertainRange.Point(0.5m), null)]), layout, Info);
        var cells = new decimal[layout.CellCount];
        cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.UncachedInput)] = 100m;
        cells[TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.WebSearch)] = 10m;
        set.Apply<decimal>(cells, March.Ordinal, set.MidpointValues<decimal>());
        Assert.Equal(65m, cells[TokenLayout.Cell(1, ServiceTier.Standard, TokenKind.UncachedInput)]);
        Assert.Equal(5m, cells[TokenLayout.Cell(1, ServiceTier.Standard, TokenKind.WebSearch)]); // uses are not tokens
        Assert.Equal(1m / 1.3m, RoutingLever.DefaultInflation(2, 1));
        Assert.Equal(1m, RoutingLever.DefaultInflation(1, 1));
    }

    [Fact]
    public void A_lever_targeting_a_retired_model_is_an_error_naming_the_field()
    {
        var layout = new TokenLayout([Sonnet, "claude-3-5-haiku"]);
        var plan = new LeverPlan([new RoutingLever("r", March, 0, Sonnet, "claude-3-5-haiku", UncertainRange.Point(0.4m), null)]);
        var e = Assert.Throws<LeverException>(() => LeverSet.Resolve(plan, layout, Info));
        Assert.Contains("levers[0].to", e.Message, StringComparison.Ordinal);
        Assert.Contains("retired", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InputException>(e);
    }

    [Fact]
    public void A_lever_targeting_an_unknown_model_is_an_error()
    {
        var layout = new TokenLayout([Sonnet]);
        var plan = new LeverPlan([new BatchLever("b", March, 0, "claude-nonesuch", UncertainRange.Point(0.4m))]);
        var e = Assert.Throws<LeverException>(() => LeverSet.Resolve(plan, layout, Info));
        Assert.Contains("levers[0].model: unknown model 'claude-nonesuch'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampled_values_stay_within_each_range_and_midpoints_are_deterministic()
    {
        var layout = new TokenLayout([Sonnet, Haiku]);
        var set = LeverSet.Resolve(new LeverPlan([
            new RoutingLever("r", March, 0, Sonnet, Haiku, new UncertainRange(0.2m, 0.6m), null),
            new CachingLever("c", March, 0, null, new UncertainRange(0.5m, 0.7m), UncertainRange.Point(0.8m), CacheWriteDuration.FiveMinutes)]), layout, Info);
        Assert.Equal(3, set.ValueCount);
        Assert.Equal([0.4m, 0.6m, 0.8m], set.MidpointValues<decimal>());
        var values = new double[3];
        set.SampleValues([0.0, 0.999, 0.5], values);
        Assert.Equal(0.2, values[0], 12);
        Assert.Equal(0.6998, values[1], 12);
        Assert.Equal(0.8, values[2], 12);
    }
}
