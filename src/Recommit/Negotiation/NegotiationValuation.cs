using System.Collections.Immutable;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// The status quo and packages valued on common random numbers over the window <see cref="From"/> (s0, the start of the
/// old period holding the first simulated month) to <see cref="Horizon"/> (H), from <see cref="Paths"/> paths
/// (docs/method.md §7). <see cref="Stressed"/> is true when every path's usage was cut by the load-drop stress.
/// </summary>
public sealed record NegotiationValuation(YearMonth From, YearMonth Horizon, int Paths, SideValue StatusQuo, ImmutableArray<PackageValue> Packages)
{
    public bool Stressed { get; init; }
}
