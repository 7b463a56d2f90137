namespace Recommit.Analysis.Notes;

/// <summary>
/// Something the reader of an analysis must know to read its figures: a stable <see cref="Code"/> and the figures it
/// is about, as typed properties of each kind of note. Reports write their own wording from the figures; nothing
/// recognises a note by its text. <see cref="Kind"/> says where it belongs: a caveat qualifies every figure and heads
/// the notes; a warning is also listed beside the forecast.
/// </summary>
public abstract record AnalysisNote
{
    /// <summary>The note's kebab-case code, stable across versions (<c>intervals-widened</c>, <c>model-retired</c>, …).</summary>
    public abstract string Code { get; }

    /// <summary>Whether this is a plain note, a forecast warning or a caveat on every figure.</summary>
    public virtual NoteKind Kind => NoteKind.Note;
}
