using Recommit.Time;

namespace Recommit.Levers;

/// <summary>
/// An optimisation lever the buyer runs or plans (docs/levers.md; docs/method.md §5): a start month, a linear ramp
/// of <see cref="RampMonths"/> months, and a name for reports.
/// </summary>
public abstract record Lever(string Name, YearMonth Start, int RampMonths)
{
    public abstract LeverKind Kind { get; }
}
