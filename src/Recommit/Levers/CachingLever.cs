using Recommit.Time;

namespace Recommit.Levers;

/// <summary>
/// Prompt caching (docs/method.md §5): of uncached input I, a cacheable share c; with hit rate h, c·h·I become cache reads
/// and c·(1−h)·I cache writes of <see cref="Write"/> duration; (1−c)·I stays uncached. Applies to
/// <see cref="Model"/>, or to every model when it is null.
/// </summary>
internal sealed record CachingLever(string Name, YearMonth Start, int RampMonths, string? Model, UncertainRange CacheableShare, UncertainRange HitRate, CacheWriteDuration Write)
    : Lever(Name, Start, RampMonths)
{
    public override LeverKind Kind => LeverKind.Caching;
}
