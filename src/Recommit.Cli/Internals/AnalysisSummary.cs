using System.Globalization;
using Recommit.Analysis;
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

        var table = new Table().AddColumn("Figure").AddColumn(new TableColumn("Mean").RightAligned())
            .AddColumn(new TableColumn("P10").RightAligned()).AddColumn(new TableColumn("P50").RightAligned()).AddColumn(new TableColumn("P90").RightAligned());
        var c = a.CostOfDoingNothing;
        table.AddRow("Cost of doing nothing", c.Mean.ToString(), c.P10.ToString(), c.P50.ToString(), c.P90.ToString());
        AddRow(table, "  overage premium", c.OveragePremium);
        AddRow(table, "  forfeited commitment", c.Forfeited);
        AddRow(table, "Total bill to the horizon", a.Simulation.TotalBill);
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P(any overage) {a.Simulation.ProbabilityAnyOverage:P0}, P(any shortfall) {a.Simulation.ProbabilityAnyShortfall:P0}; {a.Simulation.Paths:N0} paths, seed {a.Simulation.Seed}, {a.Simulation.From} to {a.Simulation.Horizon}"));
        var l = a.Levers;
        console.WriteLine($"Levers, {l.From} to {l.To} (expected list $): baseline {l.Baseline} → routing {l.AfterRouting} → caching {l.AfterCaching} → batch {l.AfterBatch}{(l.AssumedTokenMix ? " (assumed token mix)" : "")}");
        foreach (var f in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith("brief.md", StringComparison.Ordinal)))
            console.WriteLine($"Wrote {f}");
    }

    private static void AddRow(Table table, string name, Distribution d) =>
        table.AddRow(name, d.Mean.ToString(), d.P10.ToString(), d.P50.ToString(), d.P90.ToString());
}
