using Recommit.Money;
using Recommit.Pricing;
using Recommit.Usage;
using static Recommit.Tests.Pricing.PricingFixtures;

namespace Recommit.Tests.Pricing;

/// <summary>docs/method.md §1 Example 1 and the pricing parts of §5 Example 4, exact to the cent (docs/quality.md A1).</summary>
public class MathExamplePricingTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    [Fact]
    public void Example1_standard_tier_costs_69_00()
    {
        var priced = CubePricing.Price(Example1(), Book);
        Assert.Equal(69.00m, priced.Total.Value);
        Assert.Equal("$69.00", priced.Total.ToString());
        Assert.Equal(Book.Version, priced.PriceBookVersion);
    }

    [Fact]
    public void Example1_batch_tier_costs_34_50()
    {
        Assert.Equal(34.50m, CubePricing.Price(Example1(ServiceTier.Batch), Book).Total.Value);
    }

    [Fact]
    public void Example1_long_context_costs_126_75()
    {
        Assert.Equal(126.75m, CubePricing.Price(Example1(band: ContextBand.Long), Book).Total.Value);
    }

    [Fact]
    public void Example1_breakdown_lists_each_token_kind_at_its_price()
    {
        var rows = CubePricing.Price(Example1(), Book).Rows;
        Assert.Equal(
            [(TokenKind.UncachedInput, 30.00m), (TokenKind.CacheWrite5m, 7.50m), (TokenKind.CacheRead, 9.00m), (TokenKind.Output, 22.50m)],
            rows.Select(r => (r.Kind, r.ListUsd.Value)));
        Assert.All(rows, r => Assert.Equal(new ModelId("claude-sonnet-4-5"), r.Model));
    }

    [Fact]
    public void Example1_monthly_list_usd_is_the_ledger_input()
    {
        var monthly = CubePricing.MonthlyListUsd(Example1(), Book);
        Assert.Equal(new Usd(69.00m), Assert.Single(monthly).Value);
    }

    [Fact]
    public void Example4_baseline_month_costs_450_00()
    {
        var cube = Cube((Key("claude-sonnet-4-5", TokenKind.UncachedInput), 100_000_000), (Key("claude-sonnet-4-5", TokenKind.Output), 10_000_000));
        Assert.Equal(450.00m, CubePricing.Price(cube, Book).Total.Value);
    }

    [Fact]
    public void Example4_routing_40_percent_to_haiku_costs_330_00()
    {
        var cube = Cube(
            (Key("claude-sonnet-4-5", TokenKind.UncachedInput), 60_000_000), (Key("claude-sonnet-4-5", TokenKind.Output), 6_000_000),
            (Key("claude-haiku-4-5", TokenKind.UncachedInput), 40_000_000), (Key("claude-haiku-4-5", TokenKind.Output), 4_000_000));
        Assert.Equal(330.00m, CubePricing.Price(cube, Book).Total.Value);
    }

    /// <summary>Caching c = 0.6, h = 0.8 with 5-minute writes: of input I, 0.48 I reads, 0.12 I writes, 0.4 I uncached.</summary>
    private static (UsageKey, long)[] Example4Cached(ServiceTier tier, decimal share) =>
    [
        (Key("claude-sonnet-4-5", TokenKind.UncachedInput, tier: tier), (long)(24_000_000 * share)),
        (Key("claude-sonnet-4-5", TokenKind.CacheWrite5m, tier: tier), (long)(7_200_000 * share)),
        (Key("claude-sonnet-4-5", TokenKind.CacheRead, tier: tier), (long)(28_800_000 * share)),
        (Key("claude-sonnet-4-5", TokenKind.Output, tier: tier), (long)(6_000_000 * share)),
        (Key("claude-haiku-4-5", TokenKind.UncachedInput, tier: tier), (long)(16_000_000 * share)),
        (Key("claude-haiku-4-5", TokenKind.CacheWrite5m, tier: tier), (long)(4_800_000 * share)),
        (Key("claude-haiku-4-5", TokenKind.CacheRead, tier: tier), (long)(19_200_000 * share)),
        (Key("claude-haiku-4-5", TokenKind.Output, tier: tier), (long)(4_000_000 * share)),
    ];

    [Fact]
    public void Example4_caching_on_both_models_costs_241_56()
    {
        Assert.Equal(241.56m, CubePricing.Price(Cube(Example4Cached(ServiceTier.Standard, 1m)), Book).Total.Value);
    }

    [Fact]
    public void Example4_moving_30_percent_to_batch_costs_205_33_at_the_cent()
    {
        var cube = Cube([.. Example4Cached(ServiceTier.Standard, 0.7m), .. Example4Cached(ServiceTier.Batch, 0.3m)]);
        var total = CubePricing.Price(cube, Book).Total;
        Assert.Equal(205.326m, total.Value);
        Assert.Equal(205.33m, total.RoundedToCents.Value);
    }
}
