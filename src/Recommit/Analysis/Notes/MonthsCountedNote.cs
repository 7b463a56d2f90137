using Recommit.Time;

namespace Recommit.Analysis.Notes;

/// <summary>
/// The as-of cut-off (docs/method.md §3): full months are counted through <see cref="Through"/>, the usage runs to
/// <see cref="LastUsageDay"/>, and an as-of date inside a month (<see cref="AsOf"/> not the 1st) has that partial
/// month's usage replaced by its forecast. <see cref="AsOfGiven"/> when the user named the date.
/// </summary>
public sealed record MonthsCountedNote(YearMonth Through, DateOnly LastUsageDay, bool AsOfGiven, DateOnly AsOf) : AnalysisNote
{
    /// <summary>The code <c>months-counted</c>.</summary>
    public const string CodeName = "months-counted";

    /// <inheritdoc />
    public override string Code => CodeName;

    /// <summary>True when the as-of date falls inside a month, whose usage is then replaced by its forecast.</summary>
    public bool PartialMonth => AsOf.Day != 1;
}
