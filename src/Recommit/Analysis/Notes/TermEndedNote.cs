using Recommit.Time;

namespace Recommit.Analysis.Notes;

/// <summary>The term has ended: there is no open period to value, so the cost of doing nothing is zero.</summary>
public sealed record TermEndedNote(YearMonth LastMonth) : AnalysisNote
{
    /// <summary>The code <c>term-ended</c>.</summary>
    public const string CodeName = "term-ended";

    /// <inheritdoc />
    public override string Code => CodeName;
}
