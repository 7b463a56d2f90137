namespace Recommit.Analysis.Notes;

/// <summary>What the forecaster said about one series (model family × token kind), in its own words.</summary>
public sealed record SeriesWarningNote(string Series, string Message) : AnalysisNote
{
    /// <summary>The code <c>series-warning</c>.</summary>
    public const string CodeName = "series-warning";

    /// <inheritdoc />
    public override string Code => CodeName;

    /// <inheritdoc />
    public override NoteKind Kind => NoteKind.Warning;
}
