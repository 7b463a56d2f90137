namespace Recommit.Analysis.Notes;

/// <summary>Where a note belongs: with the notes, also beside the forecast, or also ahead of every other note.</summary>
public enum NoteKind
{
    /// <summary>Says how a figure was obtained.</summary>
    Note = 0,

    /// <summary>A limit of the forecast, listed beside it as well as among the notes.</summary>
    Warning = 1,

    /// <summary>A limit of every figure: a warning that also heads the notes.</summary>
    Caveat = 2,
}
