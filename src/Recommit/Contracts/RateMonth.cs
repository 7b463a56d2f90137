using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// One month's FinOps rate figures (docs/rates.md; docs/method.md §3): list cost, consumption at committed rates, pace,
/// effective cost (consumption + overage premium recognised in the month + commitment forfeited when a period closes in
/// it), commitment utilisation = consumption ÷ pace, and the effective savings rate ESR = (list − effective) ÷ list.
/// A ratio with a zero denominator is null.
/// </summary>
public sealed record RateMonth(
    YearMonth Month,
    Usd ListCost,
    Usd ConsumedAtCommittedRates,
    Usd Pace,
    Usd EffectiveCost,
    decimal? Utilisation,
    decimal? EffectiveSavingsRate);
