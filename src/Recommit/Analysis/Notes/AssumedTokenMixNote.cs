namespace Recommit.Analysis.Notes;

/// <summary>Spend-only usage: dollars became tokens through a token mix per model family (the default one when <see cref="DefaultMix"/>), so every lever and forecast figure rests on that assumed mix.</summary>
public sealed record AssumedTokenMixNote(bool DefaultMix) : AnalysisNote
{
    /// <summary>The code <c>assumed-token-mix</c>.</summary>
    public const string CodeName = "assumed-token-mix";

    /// <inheritdoc />
    public override string Code => CodeName;

    /// <inheritdoc />
    public override NoteKind Kind => NoteKind.Caveat;
}
