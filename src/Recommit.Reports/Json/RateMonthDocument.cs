using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>One month of the rate figures (docs/rates.md), ratios rounded as <see cref="RatesDocument"/> says; null for a zero denominator.</summary>
public sealed record RateMonthDocument(
    YearMonth Month,
    Usd ListCost,
    Usd ConsumedAtCommittedRates,
    Usd Pace,
    Usd EffectiveCost,
    decimal? Utilisation,
    decimal? EffectiveSavingsRate)
{
    /// <summary>The document of one month.</summary>
    public static RateMonthDocument Of(RateMonth m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new RateMonthDocument(m.Month, m.ListCost, m.ConsumedAtCommittedRates, m.Pace, m.EffectiveCost,
            RatesDocument.Ratio(m.Utilisation), RatesDocument.Ratio(m.EffectiveSavingsRate));
    }
}
