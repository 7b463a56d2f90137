using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;
using static Recommit.Tests.Pricing.PricingFixtures;

namespace Recommit.Tests.Pricing;

/// <summary>The cube's monthly totals by kind, model and family.</summary>
public class UsageCubeAggregationTests
{
    private static readonly UsageCube Cube3 = Cube(
        (Key("claude-opus-5", TokenKind.Output, new DateOnly(2026, 8, 1)), 10),
        (Key("claude-opus-4-8", TokenKind.Output, new DateOnly(2026, 8, 2)), 5),
        (Key("claude-sonnet-4-5", TokenKind.Output, new DateOnly(2026, 8, 3)), 7),
        (Key("claude-sonnet-4-5", TokenKind.UncachedInput, new DateOnly(2026, 9, 3)), 100),
        (Key("mystery-model", TokenKind.UncachedInput, new DateOnly(2026, 9, 4)), 1));

    [Fact]
    public void Totals_by_month_and_kind_sum_all_models()
    {
        Assert.Equal(
            [new UsageTotal(new YearMonth(2026, 8), "", TokenKind.Output, 22), new UsageTotal(new YearMonth(2026, 9), "", TokenKind.UncachedInput, 101)],
            Cube3.ByMonthAndKind().ToArray());
        Assert.Equal(22, Cube3.TokensByMonth(TokenKind.Output)[new YearMonth(2026, 8)]);
        Assert.Empty(Cube3.TokensByMonth(TokenKind.CacheRead));
    }

    [Fact]
    public void Totals_by_model_keep_each_model()
    {
        var august = Cube3.ByMonthModelAndKind().Where(t => t.Month == new YearMonth(2026, 8)).Select(t => (t.Group, t.Tokens));
        Assert.Equal([("claude-opus-4-8", 5L), ("claude-opus-5", 10L), ("claude-sonnet-4-5", 7L)], august);
    }

    [Fact]
    public void Totals_by_family_use_the_price_book_and_keep_unknown_models_apart()
    {
        Assert.Equal(
            [
                new UsageTotal(new YearMonth(2026, 8), "opus", TokenKind.Output, 15),
                new UsageTotal(new YearMonth(2026, 8), "sonnet", TokenKind.Output, 7),
                new UsageTotal(new YearMonth(2026, 9), "mystery-model", TokenKind.UncachedInput, 1),
                new UsageTotal(new YearMonth(2026, 9), "sonnet", TokenKind.UncachedInput, 100),
            ],
            Cube3.ByMonthFamilyAndKind(PriceBook.Default).ToArray());
    }
}
