using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// What every valuation of a negotiation shares (docs/method.md §7): the status-quo contract, the first month of the
/// simulated paths (the as-of month) and the actual monthly list usage before it, the paths themselves
/// (<see cref="Paths"/>: path × <see cref="Months"/> list dollars after levers, struct-of-arrays), the assumptions and the
/// seed of the price-move draws. The common window ends at <see cref="Horizon"/>, the last month of the longest term
/// considered; the paths must reach it.
/// </summary>
public sealed record NegotiationSetup(
    Contract Contract,
    YearMonth First,
    IReadOnlyDictionary<YearMonth, Usd> Actual,
    double[] Paths,
    int PathCount,
    int Months,
    NegotiationAssumptions Assumptions,
    ulong Seed)
{
    /// <summary>The last month of the common window H (default: the last month of the paths).</summary>
    public YearMonth Horizon { get; init; } = First.AddMonths(Months - 1);

    /// <summary>Months from <see cref="First"/> to <see cref="Horizon"/> inclusive.</summary>
    public int WindowMonths => First.MonthsUntil(Horizon) + 1;
}
