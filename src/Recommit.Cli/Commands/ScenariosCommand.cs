using System.CommandLine;
using System.Globalization;
using Recommit.Cli.Internals;
using Recommit.Import.Output;
using Recommit.Negotiation;
using Recommit.Reports;
using Recommit.Reports.Json;
using Recommit.Simulation;
using Recommit.Money;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit scenarios</c>: renegotiation packages valued for the buyer and the vendor on the same simulated paths, the
/// zone of possible agreement, the optimiser's packages and the recommendation (docs/negotiation.md; docs/method.md §7–§8).
/// With <c>--account NAME [--store S]</c> the usage and contract come from the store and the run is stored, as the API's
/// <c>POST …/scenarios</c> does (<see cref="StoredScenarios"/>).
/// </summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var options = new AnalysisCommandOptions(storedAccounts: true);
        var negotiating = new NegotiationOptions();
        var outDir = new Option<string?>("--out") { Description = "Folder for brief.md, negotiation.json and the brief's charts (default: none)" };
        var json = new Option<bool>("--json") { Description = "Print the negotiation as JSON: statusQuo, scenarios[], zone, frontier, recommendation" };

        var command = new Command("scenarios", "Renegotiation packages valued for both sides, the zone of agreement, the optimiser and the recommendation");
        options.AddTo(command);
        negotiating.AddTo(command);
        foreach (var o in new Option[] { outDir, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var asJson = parse.GetValue(json);
            var (analysis, stored) = StoredScenarios.Analyse(parse, options, negotiating, asJson);
            var negotiation = analysis.Negotiation
                ?? throw new InputException($"--contract {options.ContractPath(parse)}: the term ended in {analysis.Contract.End.AddMonths(-1)}, before the as-of month; there is nothing to renegotiate");

            if (parse.GetValue(outDir) is { } dir)
            {
                // All or nothing, as analyze's --out: brief.md, negotiation.json and the charts the brief links.
                var written = AtomicFolder.Write(dir, "--out", stage => ReportWriter.WriteNegotiation(analysis, stage));
                if (!asJson) stdout.WriteLine($"Wrote {string.Join(", ", written.Select(Path.GetFileName))} to {dir}");
            }
            if (asJson) stdout.Write(NegotiationJson.Serialize(negotiation));
            else Write(CliInputs.PlainConsole(stdout, CliInputs.IsTerminal(stdout) ? Math.Max(100, Console.WindowWidth) : 160), negotiation);
            if (!asJson && stored is not null) stdout.WriteLine(StoredScenarios.StoredLine(stored));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, NegotiationResult n)
    {
        var v = n.Valuation;
        var sq = v.StatusQuo;
        // Simulated means to three significant figures; one given path (--future) is exact to the cent.
        string Sim(Usd value) => SimulatedFigure.Text(value, v.Paths);
        console.WriteLine(Text($"Window {v.From}..{v.Horizon}, {v.Paths:N0} path{(v.Paths == 1 ? "" : "s")} (the same for the status quo and every package)."));
        var table = new Table().AddColumns([.. new[] { "package", "E[buyer cost]", "P10–P90", "buyer saving", "E[vendor value]", "vendor gain", "P(worse off)", "mutual gain", "flags" }.Select(Markup.Escape)]);
        void Row(params string[] cells) => table.AddRow([.. cells.Select(Markup.Escape)]);
        Row("status quo", Sim(sq.BuyerCost.Mean), $"{Sim(sq.BuyerCost.P10)}–{Sim(sq.BuyerCost.P90)}", "—", Sim(sq.VendorValue.Mean), "—", "—", "—", "");
        foreach (var p in v.Packages)
        {
            Row(p.Package.Name, Sim(p.Value.BuyerCost.Mean), $"{Sim(p.Value.BuyerCost.P10)}–{Sim(p.Value.BuyerCost.P90)}",
                Sim(p.BuyerSaving), Sim(p.Value.VendorValue.Mean), Sim(p.VendorGain), Probability.Percent(p.ProbabilityWorseOff),
                p.MutualGain ? "yes" : "no", string.Join(", ", p.Flags.Select(f => f.Code)));
        }
        console.Write(table);
        foreach (var p in v.Packages)
            if (p.Package.Consolidation is { } c) console.WriteLine($"{p.Package.Name}: {c.Describe()}");
        if (n.Zone is { } z)
        {
            console.WriteLine(z.Low is { } low && z.High is { } high
                ? Text($"Zone of agreement ({z.TermMonths} months, {z.Shape}): {Money(low)} to {Money(high)} a year; vendor's walk-away (gain = 0) {Maybe(z.VendorWalkAway, w => SimulatedFigure.Text(w, low, v.Paths))}, buyer's (saving = 0) {Maybe(z.BuyerWalkAway, w => SimulatedFigure.Text(w, high, v.Paths))}.")
                : Text($"No zone of agreement for {z.TermMonths} months, {z.Shape}: no commit level on the grid gains both sides."));
            if (z.DiscountLow is { } dl && z.DiscountHigh is { } dh)
                console.WriteLine(Text($"At {Money(z.ChosenAnnualCommit)} a year both sides gain with a committed discount from {dl:P0} to {dh:P0}."));
        }
        foreach (var verdict in n.Verdicts)
            console.WriteLine(Text($"{verdict.Package}: {verdict.Verdict} — {verdict.Reason}{(verdict.Nearest is { } near ? $"; nearest package in the zone: {near}" : "")}."));
        if (!n.ExtensionsNotTried.IsEmpty)
            console.WriteLine($"Term extensions not tried: {string.Join("; ", n.ExtensionsNotTried)}.");
        console.WriteLine(n.Recommendation.Sentence);
        if (!n.Assumptions.Defaulted.IsEmpty)
            console.WriteLine($"Defaults used: {string.Join(", ", n.Assumptions.Defaulted)} (docs/negotiation.md).");
    }

    private static string Money(Usd value) => value.ToString();

    private static string Maybe(Usd? value, Func<Usd, string> shown) => value is { } v ? $"at {shown(v)} a year" : "beyond the grid";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
