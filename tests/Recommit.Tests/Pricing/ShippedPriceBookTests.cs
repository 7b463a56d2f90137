using System.Text.Json;
using Recommit.Pricing;
using Recommit.Usage;
using static Recommit.Tests.Pricing.PricingFixtures;

namespace Recommit.Tests.Pricing;

/// <summary>
/// docs/quality.md A5: for every model, price entry and token kind of the shipped price book, pricing a usage record of one
/// MTok (or 1,000 web searches) through the cube gives the number the book's JSON lists. The expected figures are read
/// from the raw JSON here, independently of the book's own reader.
/// </summary>
public class ShippedPriceBookTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    private static readonly (string Field, TokenKind Kind)[] RateFields =
    [
        ("input", TokenKind.UncachedInput), ("cacheWrite5m", TokenKind.CacheWrite5m), ("cacheWrite1h", TokenKind.CacheWrite1h),
        ("cacheRead", TokenKind.CacheRead), ("output", TokenKind.Output),
    ];

    private static JsonDocument RawBook()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream(PriceBook.DefaultResourceName)!;
        return JsonDocument.Parse(stream);
    }

    [Fact]
    public void A5_one_MTok_of_every_model_entry_and_kind_costs_the_listed_price()
    {
        using var raw = RawBook();
        var failures = new List<string>();
        var checkedCells = 0;
        var webSearchPerThousand = raw.RootElement.GetProperty("webSearch").GetProperty("usdPerThousand").GetDecimal();
        foreach (var model in raw.RootElement.GetProperty("models").EnumerateArray())
        {
            var id = model.GetProperty("id").GetString()!;
            var entries = model.GetProperty("prices").EnumerateArray().ToList();
            for (var j = 0; j < entries.Count; j++)
            {
                var entry = entries[j];
                var day = DayInForce(entries, j);
                var batch = entry.TryGetProperty("batchMultiplier", out var b) ? b.GetDecimal() : (decimal?)null;
                var us = entry.TryGetProperty("usGeoMultiplier", out var u) ? u.GetDecimal() : (decimal?)null;
                var cards = new List<(string Name, JsonElement Rates, ContextBand Band, Speed Speed)> { ("standard", entry.GetProperty("standard"), ContextBand.Standard, Speed.Standard) };
                if (entry.TryGetProperty("longContext", out var lc) && lc.ValueKind == JsonValueKind.Object) cards.Add(("longContext", lc, ContextBand.Long, Speed.Standard));
                if (entry.TryGetProperty("fast", out var f)) cards.Add(("fast", f, ContextBand.Standard, Speed.Fast));
                foreach (var (name, rates, band, speed) in cards)
                {
                    foreach (var (field, kind) in RateFields)
                    {
                        var listed = rates.GetProperty(field).GetDecimal();
                        Check($"{id} {day:yyyy-MM-dd} {name}.{field}", Key(id, kind, day, band: band, speed: speed), 1_000_000, listed);
                        if (batch is { } bm && speed == Speed.Standard)
                            Check($"{id} {day:yyyy-MM-dd} {name}.{field} batch", Key(id, kind, day, ServiceTier.Batch, band, speed: speed), 1_000_000, listed * bm);
                        if (us is { } um)
                            Check($"{id} {day:yyyy-MM-dd} {name}.{field} us", Key(id, kind, day, band: band, geo: InferenceGeo.Us, speed: speed), 1_000_000, listed * um);
                    }
                }
                Check($"{id} {day:yyyy-MM-dd} web search", Key(id, TokenKind.WebSearch, day), 1_000, webSearchPerThousand);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCells > 27 * 5 * 2, $"only {checkedCells} prices checked");

        void Check(string what, UsageKey key, long tokens, decimal expected)
        {
            checkedCells++;
            var actual = CubePricing.Price(Cube((key, tokens)), Book).Total.Value;
            if (actual != expected) failures.Add($"{what}: priced {actual}, book lists {expected}");
        }
    }

    /// <summary>A day on which entry <paramref name="j"/> is in force: its effective day, or the day before the next entry for an undated first entry.</summary>
    private static DateOnly DayInForce(List<JsonElement> entries, int j)
    {
        var effective = entries[j].GetProperty("effective");
        if (effective.ValueKind == JsonValueKind.String) return DateOnly.Parse(effective.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return j + 1 < entries.Count
            ? DateOnly.Parse(entries[j + 1].GetProperty("effective").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1)
            : new DateOnly(2026, 11, 24);
    }

    [Theory]
    [InlineData("claude-fable-5-2"), InlineData("claude-mythos-5-2"), InlineData("claude-fable-5-1"), InlineData("claude-mythos-5-1")]
    [InlineData("claude-fable-5"), InlineData("claude-mythos-5"), InlineData("claude-opus-5-5"), InlineData("claude-opus-5")]
    [InlineData("claude-opus-4-8"), InlineData("claude-opus-4-7"), InlineData("claude-opus-4-6"), InlineData("claude-opus-4-5")]
    [InlineData("claude-opus-4-1"), InlineData("claude-opus-4"), InlineData("claude-sonnet-5-5"), InlineData("claude-sonnet-5")]
    [InlineData("claude-sonnet-4-6"), InlineData("claude-sonnet-4-5"), InlineData("claude-sonnet-4"), InlineData("claude-haiku-5-5")]
    [InlineData("claude-haiku-4-5"), InlineData("claude-3-5-haiku"), InlineData("claude-3-haiku"), InlineData("claude-3-opus")]
    [InlineData("claude-3-7-sonnet"), InlineData("claude-3-5-sonnet")]
    public void Every_model_of_the_reference_is_in_the_shipped_book(string id)
    {
        Assert.Contains(Book.Models, m => m.Id.Value == id);
        Assert.All(Book.PricedModels.Single(m => m.Info.Id.Value == id).Prices, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
    }

    [Theory]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("Claude Sonnet 4.5", "claude-sonnet-4-5")]
    [InlineData("claude sonnet 4.5", "claude-sonnet-4-5")]
    [InlineData("Claude Opus 5", "claude-opus-5")]
    [InlineData("Claude4.6Sonnet", "claude-sonnet-4-6")]
    [InlineData("Claude4Sonnet", "claude-sonnet-4")]
    [InlineData("claude-haiku-4-5-20251001", "claude-haiku-4-5")]
    [InlineData("claude-opus-4-5-20251101", "claude-opus-4-5")]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5")]
    [InlineData("claude-opus-4-1@20250805", "claude-opus-4-1")]
    [InlineData("Claude 3.5 Sonnet", "claude-3-5-sonnet")]
    [InlineData("  claude-mythos-5-1 ", "claude-mythos-5-1")]
    public void Export_names_resolve_to_the_canonical_model(string name, string canonical)
    {
        Assert.True(Book.TryResolve(name, out var id));
        Assert.Equal(canonical, id.Value);
        Assert.Equal(canonical, Book.Resolve(name).Value);
    }

    [Fact]
    public void Fable_5_2_prices_are_marked_unconfirmed()
    {
        var entry = Book.EntryInForce("claude-fable-5-2", new DateOnly(2026, 11, 20));
        Assert.False(entry.Confirmed);
        Assert.Contains("UNCONFIRMED", entry.Source, StringComparison.Ordinal);
        Assert.True(Book.EntryInForce("claude-opus-5-5", new DateOnly(2026, 11, 20)).Confirmed);
    }

    [Theory]
    [InlineData("claude-opus-4-7", 2), InlineData("claude-haiku-5-5", 2), InlineData("claude-sonnet-5", 2), InlineData("claude-fable-5-2", 2)]
    [InlineData("claude-opus-4-6", 1), InlineData("claude-sonnet-4-6", 1), InlineData("claude-haiku-4-5", 1), InlineData("claude-3-haiku", 1)]
    public void Tokenizer_generation_is_2_from_Claude_4_7(string id, int generation)
    {
        Assert.Equal(generation, Book.Info(new ModelId(id)).TokenizerGeneration);
    }

    [Theory]
    [InlineData("claude-mythos-5-1", "mythos"), InlineData("Claude Fable 5.1", "fable"), InlineData("Claude4.5Haiku", "haiku"), InlineData("claude-opus-5", "opus")]
    public void Family_comes_from_the_book(string name, string family)
    {
        Assert.Equal(family, Book.FamilyOf(name));
        Assert.Null(Book.FamilyOf("gpt-4o"));
    }
}
