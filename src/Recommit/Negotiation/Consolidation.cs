using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// A workload moved from another vendor as part of a package (docs/method.md §7, "Consolidation"): list dollars a month
/// per model family, moving from <see cref="Start"/> over a linear ramp of <see cref="RampMonths"/> months, and what it
/// costs a month elsewhere today. In the status quo the cost stays elsewhere (buyer cost, no vendor value); in the package
/// the moved share of the volume joins the usage paths and is billed through the ledger, and the rest still costs its
/// share elsewhere.
/// </summary>
public sealed record Consolidation(YearMonth Start, int RampMonths, ImmutableArray<ConsolidatedFamily> Families, Usd MonthlyCostElsewhere)
{
    /// <summary>The list dollars a month once fully moved.</summary>
    public Usd MonthlyListUsd => Families.Aggregate(Usd.Zero, (s, f) => s + f.MonthlyListUsd);

    /// <summary>The share of the workload moved by <paramref name="month"/>: 0 before the start, then (k + 1) / ramp up to 1.</summary>
    public double MovedShare(YearMonth month)
    {
        var k = Start.MonthsUntil(month);
        return k < 0 ? 0 : Math.Min(1.0, (k + 1.0) / Math.Max(1, RampMonths));
    }
}
