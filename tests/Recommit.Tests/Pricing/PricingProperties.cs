using FsCheck;
using FsCheck.Xunit;
using Recommit.Pricing;
using Recommit.Usage;
using static Recommit.Tests.Pricing.PricingFixtures;

namespace Recommit.Tests.Pricing;

/// <summary>Invariants of pricing over the whole shipped book (FsCheck).</summary>
public class PricingProperties
{
    private static readonly PriceBook Book = PriceBook.Default;
    private static readonly DateOnly FirstDay = new(2025, 1, 1);

    private static (string Model, DateOnly Day, TokenKind Kind, ContextBand Band, InferenceGeo Geo) Pick(int model, int day, int kind, bool longBand, bool us)
    {
        var models = Book.Models;
        return (models[(int)((uint)model % (uint)models.Count)].Id.Value, FirstDay.AddDays((int)((uint)day % 800u)),
            (TokenKind)((uint)kind % 6u), longBand ? ContextBand.Long : ContextBand.Standard, us ? InferenceGeo.Us : InferenceGeo.Global);
    }

    private static decimal? TryCost(string model, DateOnly day, TokenKind kind, ServiceTier tier, ContextBand band, InferenceGeo geo, long tokens)
    {
        try
        {
            return CubePricing.Price(Cube((Key(model, kind, day, tier, band, geo), tokens)), Book).Total.Value;
        }
        catch (UnsupportedPricingException)
        {
            return null;
        }
    }

    [Property(MaxTest = 300)]
    public bool Cost_is_monotone_in_tokens(int model, int day, int kind, bool longBand, bool us, int tier, NonNegativeInt a, NonNegativeInt extra)
    {
        var (m, d, k, band, geo) = Pick(model, day, kind, longBand, us);
        var t = (ServiceTier)((uint)tier % 3u);
        var low = TryCost(m, d, k, t, band, geo, a.Get);
        var high = TryCost(m, d, k, t, band, geo, (long)a.Get + extra.Get);
        return low is null && high is null || low <= high && low >= 0m;
    }

    [Property(MaxTest = 300)]
    public bool Batch_is_half_of_standard_wherever_batch_is_offered(int model, int day, int kind, bool longBand, bool us, PositiveInt tokens)
    {
        var (m, d, k, band, geo) = Pick(model, day, kind, longBand, us);
        if (k == TokenKind.WebSearch) return true; // searches are priced per use, not halved
        var standard = TryCost(m, d, k, ServiceTier.Standard, band, geo, tokens.Get);
        var batch = TryCost(m, d, k, ServiceTier.Batch, band, geo, tokens.Get);
        return standard is null ? batch is null : batch == standard / 2m;
    }

    [Fact]
    public void Batch_is_half_of_standard_for_every_model_and_kind_of_the_book()
    {
        foreach (var model in Book.PricedModels)
            foreach (var entry in model.Prices)
            {
                var day = entry.Effective ?? new DateOnly(2020, 1, 1);
                foreach (var kind in new[] { TokenKind.UncachedInput, TokenKind.CacheWrite5m, TokenKind.CacheWrite1h, TokenKind.CacheRead, TokenKind.Output })
                {
                    var standard = Book.UnitPrice(model.Info.Id.Value, day, kind, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
                    var batch = Book.UnitPrice(model.Info.Id.Value, day, kind, ServiceTier.Batch, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
                    Assert.Equal(standard / 2m, batch);
                }
            }
    }
}
