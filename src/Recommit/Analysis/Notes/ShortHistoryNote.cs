namespace Recommit.Analysis.Notes;

/// <summary>Fewer than twelve full months of history: the forecast cannot see a seasonal pattern and its intervals are wide.</summary>
public sealed record ShortHistoryNote(int FullMonths) : AnalysisNote
{
    /// <summary>The code <c>short-history</c>.</summary>
    public const string CodeName = "short-history";

    /// <inheritdoc />
    public override string Code => CodeName;

    /// <inheritdoc />
    public override NoteKind Kind => NoteKind.Caveat;
}
