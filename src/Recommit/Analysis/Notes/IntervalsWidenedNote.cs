namespace Recommit.Analysis.Notes;

/// <summary>The simulation's shocks were scaled by <see cref="Factor"/> because the forecaster's 80 % and 95 % intervals covered only these shares of actuals in the account's own backtest (docs/method.md §4).</summary>
public sealed record IntervalsWidenedNote(double Factor, double Coverage80, double Coverage95) : AnalysisNote
{
    /// <summary>The code <c>intervals-widened</c>.</summary>
    public const string CodeName = "intervals-widened";

    /// <inheritdoc />
    public override string Code => CodeName;
}
