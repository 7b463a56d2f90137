using Recommit.Pricing;
using Recommit.Usage;
using static Recommit.Tests.Pricing.PricingFixtures;

namespace Recommit.Tests.Pricing;

/// <summary>The price-book rules of docs/method.md §1: effective dates, batch, long context, US geography, fast mode, and errors.</summary>
public class PricingRuleTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    private static decimal PerMTok(string model, DateOnly day, TokenKind kind, ServiceTier tier = ServiceTier.Standard,
        ContextBand band = ContextBand.Standard, InferenceGeo geo = InferenceGeo.Global, Speed speed = Speed.Standard) =>
        Book.UnitPrice(model, day, kind, tier, band, geo, speed) * 1_000_000m;

    [Fact]
    public void Sonnet_5_5_cache_read_falls_from_0_20_to_0_10_on_2026_10_07()
    {
        Assert.Equal(0.20m, PerMTok("claude-sonnet-5-5", new DateOnly(2026, 10, 6), TokenKind.CacheRead));
        Assert.Equal(0.10m, PerMTok("claude-sonnet-5-5", new DateOnly(2026, 10, 7), TokenKind.CacheRead));
        Assert.Equal(2m, PerMTok("claude-sonnet-5-5", new DateOnly(2026, 10, 6), TokenKind.UncachedInput));
        Assert.Equal(2m, PerMTok("claude-sonnet-5-5", new DateOnly(2026, 10, 7), TokenKind.UncachedInput));
    }

    [Fact]
    public void A_cube_spanning_the_price_change_prices_each_day_at_its_own_entry()
    {
        var cube = Cube(
            (Key("claude-sonnet-5-5", TokenKind.CacheRead, new DateOnly(2026, 10, 6)), 10_000_000),
            (Key("claude-sonnet-5-5", TokenKind.CacheRead, new DateOnly(2026, 10, 7)), 10_000_000));
        var priced = CubePricing.Price(cube, Book);
        Assert.Equal(3.00m, priced.Total.Value);
        Assert.Equal(20_000_000, Assert.Single(priced.Rows).Tokens);
    }

    [Fact]
    public void Us_only_inference_costs_1_1_times_on_Claude_4_6_and_later()
    {
        var day = new DateOnly(2026, 11, 2);
        Assert.Equal(5.5m, PerMTok("claude-opus-4-6", day, TokenKind.UncachedInput, geo: InferenceGeo.Us));
        Assert.Equal(16.5m, PerMTok("claude-sonnet-4-6", day, TokenKind.Output, geo: InferenceGeo.Us));
        Assert.Equal(0.11m, PerMTok("claude-sonnet-5-5", day, TokenKind.CacheRead, geo: InferenceGeo.Us));
        // Stacks with batch: Opus 5.5 output 20 × 0.5 × 1.1.
        Assert.Equal(11m, PerMTok("claude-opus-5-5", day, TokenKind.Output, ServiceTier.Batch, geo: InferenceGeo.Us));
    }

    [Theory]
    [InlineData("claude-sonnet-4-5"), InlineData("claude-haiku-4-5"), InlineData("claude-opus-4-1"), InlineData("claude-3-haiku")]
    public void Us_only_inference_on_a_model_before_4_6_is_an_error_naming_the_combination(string model)
    {
        var e = Assert.Throws<UnsupportedPricingException>(() => PerMTok(model, Aug5, TokenKind.Output, geo: InferenceGeo.Us));
        Assert.Contains(model, e.Message, StringComparison.Ordinal);
        Assert.Contains("inference_geo us", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InputException>(e);
    }

    [Fact]
    public void Haiku_5_5_long_band_prices_every_token_of_the_request_at_its_own_row()
    {
        var day = new DateOnly(2026, 11, 2);
        Assert.Equal(0.10m, PerMTok("claude-haiku-5-5", day, TokenKind.UncachedInput));
        Assert.Equal(0.50m, PerMTok("claude-haiku-5-5", day, TokenKind.UncachedInput, band: ContextBand.Long));
        Assert.Equal(0.625m, PerMTok("claude-haiku-5-5", day, TokenKind.CacheWrite5m, band: ContextBand.Long));
        Assert.Equal(1.00m, PerMTok("claude-haiku-5-5", day, TokenKind.CacheWrite1h, band: ContextBand.Long));
        Assert.Equal(0.05m, PerMTok("claude-haiku-5-5", day, TokenKind.CacheRead, band: ContextBand.Long));
        Assert.Equal(2.50m, PerMTok("claude-haiku-5-5", day, TokenKind.Output, band: ContextBand.Long));
        Assert.Equal(1.25m, PerMTok("claude-haiku-5-5", day, TokenKind.Output, ServiceTier.Batch, ContextBand.Long));
    }

    [Fact]
    public void Claude_4_6_and_later_price_the_long_band_at_standard_rates()
    {
        Assert.Equal(PerMTok("claude-sonnet-4-6", Aug5, TokenKind.Output), PerMTok("claude-sonnet-4-6", Aug5, TokenKind.Output, band: ContextBand.Long));
        Assert.Equal(25m, PerMTok("claude-opus-4-8", Aug5, TokenKind.Output, band: ContextBand.Long));
    }

    [Theory]
    [InlineData("claude-haiku-4-5"), InlineData("claude-opus-4-5"), InlineData("claude-3-7-sonnet")]
    public void Long_band_on_a_model_without_one_is_an_error(string model)
    {
        var e = Assert.Throws<UnsupportedPricingException>(() => PerMTok(model, Aug5, TokenKind.UncachedInput, band: ContextBand.Long));
        Assert.Contains("context_band long", e.Message, StringComparison.Ordinal);
        Assert.Contains("no long-context band", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_mode_uses_the_fast_rates_with_caching_derived_from_fast_input()
    {
        var day = new DateOnly(2026, 11, 2);
        Assert.Equal(8m, PerMTok("claude-opus-5-5", day, TokenKind.UncachedInput, speed: Speed.Fast));
        Assert.Equal(40m, PerMTok("claude-opus-5-5", day, TokenKind.Output, speed: Speed.Fast));
        Assert.Equal(10m, PerMTok("claude-opus-5-5", day, TokenKind.CacheWrite5m, speed: Speed.Fast));
        Assert.Equal(0.40m, PerMTok("claude-opus-5-5", day, TokenKind.CacheRead, speed: Speed.Fast));
        Assert.Equal(50m, PerMTok("claude-opus-5", day, TokenKind.Output, speed: Speed.Fast));
        Assert.Equal(10m, PerMTok("claude-opus-4-8", day, TokenKind.UncachedInput, speed: Speed.Fast));
        Assert.Equal(55m, PerMTok("claude-opus-4-8", day, TokenKind.Output, geo: InferenceGeo.Us, speed: Speed.Fast));
        // Opus 4.6 runs fast-mode requests at standard speed and standard rates.
        Assert.Equal(25m, PerMTok("claude-opus-4-6", day, TokenKind.Output, speed: Speed.Fast));
    }

    [Fact]
    public void Fast_mode_with_batch_is_an_error()
    {
        var e = Assert.Throws<UnsupportedPricingException>(() => PerMTok("claude-opus-5-5", Aug5, TokenKind.Output, ServiceTier.Batch, speed: Speed.Fast));
        Assert.Contains("service_tier batch", e.Message, StringComparison.Ordinal);
        Assert.Contains("speed fast", e.Message, StringComparison.Ordinal);
        Assert.Contains("Batch API", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claude-opus-4-7"), InlineData("claude-sonnet-5-5"), InlineData("claude-haiku-5-5")]
    public void Fast_mode_on_a_model_without_fast_rates_is_an_error(string model)
    {
        var e = Assert.Throws<UnsupportedPricingException>(() => PerMTok(model, Aug5, TokenKind.Output, speed: Speed.Fast));
        Assert.Contains("fast-mode price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_search_costs_a_cent_per_use()
    {
        Assert.Equal(0.01m, Book.UnitPrice("claude-opus-5", Aug5, TokenKind.WebSearch, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard));
        Assert.Equal(1.23m, CubePricing.Price(Cube((Key("claude-haiku-4-5", TokenKind.WebSearch), 123)), Book).Total.Value);
    }

    [Fact]
    public void Unknown_model_is_an_error_naming_it_and_how_to_add_it()
    {
        var e = Assert.Throws<UnknownModelException>(() => CubePricing.Price(Cube((Key("gpt-4o", TokenKind.Output), 1)), Book));
        Assert.Equal("gpt-4o", e.Model);
        Assert.Contains("'gpt-4o'", e.Message, StringComparison.Ordinal);
        Assert.Contains("--prices", e.Message, StringComparison.Ordinal);
        Assert.Contains(Book.Version, e.Message, StringComparison.Ordinal);
        Assert.Throws<UnknownModelException>(() => Book.UnitPrice("gpt-4o", Aug5, TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard));
    }

    [Fact]
    public void An_unpriced_cell_fails_the_cube_even_with_zero_tokens()
    {
        var cube = Cube((Key("claude-sonnet-4-5", TokenKind.Output), 5), (Key("claude-sonnet-4-5", TokenKind.Output, geo: InferenceGeo.Us), 0));
        var e = Assert.Throws<UnsupportedPricingException>(() => CubePricing.Price(cube, Book));
        Assert.Contains("2026-08-05", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_in_the_cube_are_priced_and_reported_as_the_canonical_model()
    {
        var cube = Cube((Key("Claude Sonnet 4.5", TokenKind.Output), 1_000_000), (Key("claude-sonnet-4-5-20250929", TokenKind.Output), 1_000_000));
        var row = Assert.Single(CubePricing.Price(cube, Book).Rows);
        Assert.Equal("claude-sonnet-4-5", row.Model.Value);
        Assert.Equal(2_000_000, row.Tokens);
        Assert.Equal(30m, row.ListUsd.Value);
    }

    [Fact]
    public void Rows_are_split_by_month_and_sorted()
    {
        var cube = Cube(
            (Key("claude-opus-5", TokenKind.Output, new DateOnly(2026, 9, 30)), 1_000_000),
            (Key("claude-opus-5", TokenKind.Output, new DateOnly(2026, 10, 1)), 2_000_000),
            (Key("claude-haiku-4-5", TokenKind.UncachedInput, new DateOnly(2026, 9, 1)), 1_000_000));
        var priced = CubePricing.Price(cube, Book);
        Assert.Equal(
            [("2026-09", "claude-haiku-4-5", 1m), ("2026-09", "claude-opus-5", 25m), ("2026-10", "claude-opus-5", 50m)],
            priced.Rows.Select(r => (r.Month.ToString(), r.Model.Value, r.ListUsd.Value)));
        Assert.Equal(76m, priced.Total.Value);
        Assert.Equal([26m, 50m], priced.MonthlyListUsd().Values.Select(v => v.Value));
    }

    [Fact]
    public void An_empty_cube_costs_nothing()
    {
        var priced = CubePricing.Price(UsageCube.Empty, Book);
        Assert.Empty(priced.Rows);
        Assert.Equal(0m, priced.Total.Value);
    }

    [Fact]
    public void Changes_between_two_dates_list_the_Sonnet_5_5_cache_read_cut()
    {
        var change = Assert.Single(Book.ChangesBetween(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
        Assert.Equal("claude-sonnet-5-5", change.Model.Value);
        Assert.Equal(new DateOnly(2026, 10, 7), change.Effective);
        Assert.Equal(0.20m, change.Before!.Standard.CacheRead);
        Assert.Equal(0.10m, change.After.Standard.CacheRead);
        Assert.Empty(Book.ChangesBetween(new DateOnly(2026, 10, 7), new DateOnly(2026, 11, 30)));
    }
}
