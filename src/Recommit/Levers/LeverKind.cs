namespace Recommit.Levers;

/// <summary>The three optimisation levers, in the order they apply to a month (docs/method.md §5).</summary>
public enum LeverKind
{
    Routing = 0,
    Caching = 1,
    Batch = 2,
}
