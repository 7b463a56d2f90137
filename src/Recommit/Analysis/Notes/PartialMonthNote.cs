using Recommit.Time;

namespace Recommit.Analysis.Notes;

/// <summary>The as-of date falls inside a month: that partial month's usage is replaced by its forecast.</summary>
public sealed record PartialMonthNote(DateOnly AsOf, YearMonth Month) : AnalysisNote
{
    /// <summary>The code <c>partial-month</c>.</summary>
    public const string CodeName = "partial-month";

    /// <inheritdoc />
    public override string Code => CodeName;
}
