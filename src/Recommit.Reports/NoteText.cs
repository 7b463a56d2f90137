using System.Globalization;
using Recommit.Analysis;
using Recommit.Analysis.Notes;
using Recommit.Simulation;
using Recommit.Time;

namespace Recommit.Reports;

/// <summary>The sentence every report prints for a note, written from the note's figures (never parsed back).</summary>
internal static class NoteText
{
    /// <summary>The note as one plain sentence (not escaped: the renderers escape it for their format).</summary>
    public static string Of(AnalysisNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return note switch
        {
            AssumedTokenMixNote n => "Spend-only account: dollars are turned into tokens with " +
                (n.DefaultMix ? "Recommit's default token mix per model family (docs/analysis.md)" : "the token mix given") +
                "; every lever and forecast figure rests on that assumed mix.",
            ShortHistoryNote n => Invariant($"Short history: {n.FullMonths} full month(s); the forecast cannot see a seasonal pattern and its intervals are wide."),
            SeriesWarningNote n => $"{n.Series}: {n.Message}",
            MonthsCountedNote n => $"Full months counted through {AsOfDate.Describe(n.Through, n.LastUsageDay, n.AsOfGiven)}" +
                (n.PartialMonth ? Invariant($"; the as-of date {n.AsOf:yyyy-MM-dd} falls inside {YearMonth.Of(n.AsOf)}, whose usage is replaced by its forecast.") : "."),
            TermEndedNote n => $"The term ended in {n.LastMonth}: there is no open period to value, so the cost of doing nothing is zero.",
            ClosedPeriodsSunkNote n => Invariant($"{n.Periods} closed period(s) before {n.Before} are sunk and excluded from the cost of doing nothing."),
            ModelRetiredNote n => Invariant($"{n.Model} is retired on {n.Retired:yyyy-MM-dd}; its forecast usage after that is priced at its last list price (add a routing lever to move it)"),
            GivenFutureNote => "The forecast is replaced by the given future path (list dollars after levers): one path, no uncertainty, levers not applied.",
            ShockCorrelationNote { Pairs: 0 } n => Invariant($"Shock correlation ρ = {n.Rho:0.00} (default: too little history to estimate it)."),
            ShockCorrelationNote n => Invariant($"Shock correlation ρ = {n.Rho:0.00}, the mean correlation of month-on-month log growth over {n.Pairs} pair(s) of series, clamped to [0, {ShockCorrelation.Max:0.00}]."),
            NoBacktestNote n => Invariant($"No backtest: {n.FullMonths} full month(s) of history; at least {n.Needed} are needed for a rolling-origin evaluation."),
            IntervalsWidenedNote n => Invariant($"Intervals widened ×{n.Factor:0.00}: in the rolling-origin backtest on this account's history the forecaster's 80 % intervals covered {n.Coverage80:P0} and its 95 % intervals {n.Coverage95:P0} of actuals, so the simulation's shocks are scaled up rather than understate the uncertainty."),
            LeverWithoutUsageNote n => $"Lever '{n.Lever}': {n.Model} has no usage in the history, so the lever changes nothing.",
            LeversAppliedNote n => Invariant($"{n.Count} lever(s) applied in the order routing, caching, batch; each range is sampled once per path."),
            PriceBookNote n => $"Prices from price book {n.Version}; dollars are list unless labelled billed.",
            _ => throw new ArgumentOutOfRangeException(nameof(note), note.Code, "a note without wording"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
