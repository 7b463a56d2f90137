using Recommit.Analysis;
using Recommit.Reports.Internals;

namespace Recommit.Reports;

/// <summary>Sentences the report shares with the terminal summary, so both say the same thing about the same figures.</summary>
public static class ReportText
{
    /// <summary>
    /// What the levers change, named as what they are: list spend and the cost of doing nothing. Under a commitment the
    /// usage already falls short of, a lever that lowers list spend deepens the shortfall and raises that cost.
    /// </summary>
    public static string LeverLine(AnalysisResult a)
    {
        var l = a.Levers;
        if (l.Kinds.IsDefaultOrEmpty) return "none given; the figures are the usage as forecast.";
        var names = Figures.List(l.Kinds.Select(k => k.ToString().ToLowerInvariant()));
        // The same figure as the waterfall's total change.
        var change = Figures.OnGrid(l.AfterBatch, l.Baseline) - Figures.OnGrid(l.Baseline, l.Baseline);
        var spend = change.Value < 0m ? $"lower expected list spend by {(-change).ToShortString()}"
            : change.Value > 0m ? $"raise expected list spend by {change.ToShortString()}"
            : "leave expected list spend unchanged";
        var text = $"{names} {spend} from {l.From} to {l.To}";
        if (l.CostWithoutLevers is not { } without) return text + ".";
        var with = a.CostOfDoingNothing.Mean;
        var lower = with.ToSignificant(3) < without.ToSignificant(3);
        var higher = with.ToSignificant(3) > without.ToSignificant(3);
        return text + (lower ? $", and lower the expected cost of doing nothing from {Figures.Simulated(without)} to {Figures.Simulated(with)}."
            : higher ? $", but raise the expected cost of doing nothing from {Figures.Simulated(without)} to {Figures.Simulated(with)}: " +
                "usage already falls short of the commitment, so lower usage only deepens the shortfall that is forfeited; the savings reach the buyer only if the commitment is reopened."
            : $"; the expected cost of doing nothing stays about {Figures.Simulated(with)}.");
    }
}
