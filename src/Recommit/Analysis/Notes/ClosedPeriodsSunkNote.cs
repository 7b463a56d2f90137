using Recommit.Time;

namespace Recommit.Analysis.Notes;

/// <summary>Periods closed before the as-of month are sunk and left out of the cost of doing nothing (docs/method.md §6).</summary>
public sealed record ClosedPeriodsSunkNote(int Periods, YearMonth Before) : AnalysisNote
{
    /// <summary>The code <c>closed-periods-sunk</c>.</summary>
    public const string CodeName = "closed-periods-sunk";

    /// <inheritdoc />
    public override string Code => CodeName;
}
