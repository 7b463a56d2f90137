using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Recommit.Cli.Internals;
using Recommit.Fees;
using Recommit.Money;
using Recommit.Reports.Json;
using Recommit.Simulation;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit quote (--usage FILE... | --spend FILE) --contract FILE [--scenarios FILE] [--assumptions FILE] [--as-of DATE]
/// [--json]</c>: the engagement's fixed fee against gainshare for the recommended package (docs/method.md §9; docs/fees.md).
/// With <c>--account NAME [--store S]</c> the usage and contract come from the store and the run is stored, as the API's
/// <c>POST …/quotes</c> does (<see cref="StoredScenarios"/>).
/// </summary>
internal static class QuoteCommand
{
    public static Command Create()
    {
        var options = new AnalysisCommandOptions(storedAccounts: true);
        var negotiating = new NegotiationOptions();
        var json = new Option<bool>("--json") { Description = "Print the quote as JSON" };

        var command = new Command("quote", "The engagement's fixed fee against gainshare, from the simulated verified savings of the recommended package");
        options.AddTo(command);
        negotiating.AddTo(command);
        foreach (var o in new Option[] { json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var asJson = parse.GetValue(json);
            var (analysis, stored) = StoredScenarios.Analyse(parse, options, negotiating, asJson);
            var quote = analysis.Quote
                ?? throw new InputException($"--contract {options.ContractPath(parse)}: the term ended in {analysis.Contract.End.AddMonths(-1)}, before the as-of month; there is nothing to renegotiate, so nothing to quote");
            if (asJson) stdout.WriteLine(JsonSerializer.Serialize(quote, AnalysisJson.Options));
            else Write(CliInputs.PlainConsole(stdout, 160), CliText.Safe(analysis.Account), quote);
            if (!asJson && stored is not null) stdout.WriteLine(StoredScenarios.StoredLine(stored));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, string account, FeeQuote q)
    {
        var labelled = q.Defaulted.IsEmpty ? "" : " (default fee terms; set 'fees' in the assumptions file)";
        console.WriteLine(Text($"Quote for {account}: fixed fee {q.FixedFee} for an annual commitment of {q.AnnualCommit}; gainshare {q.Share * 100m:0.##}% of verified savings over {q.WindowMonths} months after signing{labelled}."));
        if (q.Package is { } package)
        {
            console.WriteLine(Text($"Recommended package: {CliText.Safe(package)}, signed {q.Signed}; verified savings simulated on {q.Paths:N0} paths."));
            var table = new Table();
            // Simulated figures to three significant figures, exact on one path (docs/method.md §7).
            string Sim(Usd value) => SimulatedFigure.Text(value, q.Paths);
            table.AddColumn("Window");
            foreach (var heading in new[] { "Through", "E[verified savings]", "P10 savings", "P90 savings", "E[gainshare fee]", "P90 fee", "P(no fee)" })
                table.AddColumn(new TableColumn(Markup.Escape(heading)).RightAligned().NoWrap());
            foreach (var w in q.Windows)
            {
                table.AddRow(Markup.Escape(Text($"{w.Months} months{(w.Truncated ? " (paths end first)" : "")}")), w.Last.ToString(), Markup.Escape(Sim(w.Savings.Mean)),
                    Markup.Escape(Sim(w.Savings.P10)), Markup.Escape(Sim(w.Savings.P90)), Markup.Escape(Sim(w.Fee.Mean)), Markup.Escape(Sim(w.Fee.P90)),
                    Markup.Escape(Probability.Percent(w.ProbabilityNoFee)));
            }
            console.Write(table);
        }
        console.WriteLine(q.Sentence);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
