using System.Collections.Immutable;

namespace Recommit.Levers;

/// <summary>
/// The levers of one analysis, as read from a levers file (docs/levers.md). Applied routing first, then caching, then
/// batch (docs/method.md §5); within a kind, in file order.
/// </summary>
public sealed record LeverPlan(ImmutableArray<Lever> Levers)
{
    public static LeverPlan None { get; } = new(ImmutableArray<Lever>.Empty);

    public bool IsEmpty => Levers.IsDefaultOrEmpty;

    /// <summary>The levers in application order: routing, caching, batch; stable within a kind.</summary>
    public IEnumerable<Lever> InApplicationOrder() =>
        (Levers.IsDefault ? [] : Levers).Select((l, i) => (l, i)).OrderBy(p => p.l.Kind).ThenBy(p => p.i).Select(p => p.l);
}
