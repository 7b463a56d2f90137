using System.Globalization;
using Recommit.Analysis;
using Recommit.Money;
using Recommit.Reports;
using Recommit.Simulation;
using Spectre.Console;

namespace Recommit.Cli.Internals;

/// <summary>The few lines a terminal shows after an analysis: the verdict, the position, the cost of doing nothing.</summary>
internal static class AnalysisSummary
{
    public static void Write(IAnsiConsole console, AnalysisResult a, IReadOnlyList<string> files)
    {
        var gap = a.Gap;
        console.WriteLine($"{a.Account} — as of {a.AsOf:yyyy-MM-dd} (price book {a.PriceBookVersion})");
        if (a.Negotiation?.Recommendation is { } r) console.WriteLine($"Recommendation: {r.Action}{(r.NextCheck is { } check ? $" (next check {check})" : "")}. {r.Sentence}");
        console.WriteLine($"Verdict: {gap.ClassName} (run of {gap.RunLength} month(s), confidence {gap.Confidence})");
        console.WriteLine(gap.Sentence);
        if (gap.NextCheck is { } next) console.WriteLine($"Next check: {next}");

        var table = new Table().AddColumn("Figure (simulated, 3 significant figures)").AddColumn(new TableColumn("Mean").RightAligned())
            .AddColumn(new TableColumn("P10").RightAligned()).AddColumn(new TableColumn("P50").RightAligned()).AddColumn(new TableColumn("P90").RightAligned());
        var c = a.CostOfDoingNothing;
        table.AddRow("Cost of doing nothing", Short(c.Mean), Short(c.P10), Short(c.P50), Short(c.P90));
        AddRow(table, "  overage premium", c.OveragePremium);
        AddRow(table, "  forfeited commitment", c.Forfeited);
        AddRow(table, "Total bill, rest of the term", a.Simulation.TotalBill);
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P(any overage) {Probability.Percent(a.Simulation.ProbabilityAnyOverage)}, P(any shortfall) {Probability.Percent(a.Simulation.ProbabilityAnyShortfall)}; {a.Simulation.Paths:N0} paths, seed {a.Simulation.Seed}, {a.Simulation.From} to {a.Simulation.Horizon}"));
        console.WriteLine($"Levers: {ReportText.LeverLine(a)}{(a.Levers.AssumedTokenMix ? " (assumed token mix)" : "")}");
        foreach (var source in a.Sources) console.WriteLine($"Input: {source.Summary}");
        foreach (var f in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith("brief.md", StringComparison.Ordinal)))
            console.WriteLine($"Wrote {f}");
    }

    private static void AddRow(Table table, string name, Distribution d) =>
        table.AddRow(name, Short(d.Mean), Short(d.P10), Short(d.P50), Short(d.P90));

    /// <summary>A simulated figure to three significant figures, as in the report.</summary>
    private static string Short(Usd value) => value.ToSignificant(3).ToShortString();
}
