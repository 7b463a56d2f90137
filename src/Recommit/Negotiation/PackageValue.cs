using System.Collections.Immutable;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// A package valued against the status quo on the same paths (docs/method.md §7): its buyer cost and vendor value,
/// <see cref="BuyerSaving"/> = E[B] of the status quo − E[B] of the package (the status quo paying any consolidated
/// workload elsewhere, <see cref="CostElsewhere"/>), <see cref="VendorGain"/> = E[V] − E[V] of the status quo, the share of
/// paths on which the buyer pays more (<see cref="ProbabilityWorseOff"/>), the mutual-gain verdict (saving above zero,
/// gain at or above zero), the band discount for its commit level and term, and its flags.
/// </summary>
public sealed record PackageValue(
    Package Package,
    SideValue Value,
    Usd BuyerSaving,
    Usd VendorGain,
    double ProbabilityWorseOff,
    bool MutualGain,
    decimal? BandDiscount,
    Usd CostElsewhere,
    ImmutableArray<PackageFlag> Flags)
{
    /// <summary>Whether the package also keeps P(buyer worse off) within <paramref name="cap"/>.</summary>
    public bool Acceptable(decimal cap) => MutualGain && ProbabilityWorseOff <= (double)cap;
}
