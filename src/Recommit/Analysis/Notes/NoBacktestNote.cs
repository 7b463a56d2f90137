namespace Recommit.Analysis.Notes;

/// <summary>Too few full months for the rolling-origin backtest.</summary>
public sealed record NoBacktestNote(int FullMonths, int Needed) : AnalysisNote
{
    /// <summary>The code <c>no-backtest</c>.</summary>
    public const string CodeName = "no-backtest";

    /// <inheritdoc />
    public override string Code => CodeName;
}
