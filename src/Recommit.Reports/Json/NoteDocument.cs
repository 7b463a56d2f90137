using Recommit.Analysis.Notes;

namespace Recommit.Reports.Json;

/// <summary>
/// A note or warning as written in <c>analysis.json</c>: its stable <see cref="Code"/>, its <see cref="Kind"/>
/// (<c>note</c>, <c>warning</c> or <c>caveat</c>), the sentence the report prints, and the figures the sentence is
/// written from, by name (for example <c>intervals-widened</c> with <c>factor</c>, <c>coverage80</c>, <c>coverage95</c>).
/// Tools pick notes by code, never by text.
/// </summary>
public sealed record NoteDocument(string Code, string Kind, string Text, IReadOnlyDictionary<string, object> Figures)
{
    /// <summary>The document of a note.</summary>
    public static NoteDocument Of(AnalysisNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var kind = note.Kind switch { NoteKind.Caveat => "caveat", NoteKind.Warning => "warning", _ => "note" };
        return new NoteDocument(note.Code, kind, NoteText.Of(note), FiguresOf(note));
    }

    private static Dictionary<string, object> FiguresOf(AnalysisNote note) => note switch
    {
        AssumedTokenMixNote n => new() { ["defaultMix"] = n.DefaultMix },
        ShortHistoryNote n => new() { ["fullMonths"] = n.FullMonths },
        SeriesWarningNote n => new() { ["series"] = n.Series, ["message"] = n.Message },
        MonthsCountedNote n => new()
        {
            ["through"] = n.Through, ["lastUsageDay"] = n.LastUsageDay, ["asOfGiven"] = n.AsOfGiven, ["asOf"] = n.AsOf, ["partialMonth"] = n.PartialMonth,
        },
        TermEndedNote n => new() { ["lastMonth"] = n.LastMonth },
        ClosedPeriodsSunkNote n => new() { ["periods"] = n.Periods, ["before"] = n.Before },
        ModelRetiredNote n => new() { ["model"] = n.Model, ["retired"] = n.Retired },
        GivenFutureNote => [],
        ShockCorrelationNote n => new() { ["rho"] = n.Rho, ["pairs"] = n.Pairs },
        NoBacktestNote n => new() { ["fullMonths"] = n.FullMonths, ["needed"] = n.Needed },
        IntervalsWidenedNote n => new() { ["factor"] = n.Factor, ["coverage80"] = n.Coverage80, ["coverage95"] = n.Coverage95 },
        LeverWithoutUsageNote n => new() { ["lever"] = n.Lever, ["model"] = n.Model },
        LeversAppliedNote n => new() { ["count"] = n.Count },
        PriceBookNote n => new() { ["version"] = n.Version },
        _ => throw new ArgumentOutOfRangeException(nameof(note), note.Code, "a note without a document mapping"),
    };
}
