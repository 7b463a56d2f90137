using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Recommit.Analysis;
using Recommit.Cli.Internals;
using Recommit.Fees;
using Recommit.Pricing;
using Recommit.Reports.Json;
using Recommit.Time;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit verify --old FILE --new FILE (--usage FILE... | --spend FILE) --from yyyy-MM [--to yyyy-MM] [--share S]
/// [--json] [--csv FILE]</c>: verified savings month by month after a renegotiation (docs/method.md §9; docs/fees.md).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var oldOption = new Option<string>("--old") { Description = "The old contract's JSON file (the counterfactual)", Required = true };
        var newOption = new Option<string>("--new") { Description = "The new contract's JSON file; its start is the signing month", Required = true };
        var usage = new Option<string[]>("--usage") { Description = "Usage file(s) in any supported format; several files merge", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string?>("--format") { Description = "Force the usage files' format instead of detecting it" };
        var spend = new Option<string?>("--spend") { Description = "Monthly spend CSV (month,model,list_usd)" };
        var prices = new Option<string?>("--prices") { Description = "A price-book JSON file laid over the built-in one" };
        var from = new Option<string>("--from") { Description = "First month of the window, yyyy-MM (usually the signing month)", Required = true };
        var to = new Option<string?>("--to") { Description = "Last month of the window, yyyy-MM (default: the last complete month of usage)" };
        var share = new Option<decimal?>("--share") { Description = $"Gainshare: the share of verified savings paid as the fee (default {FeeTerms.Default.GainshareShare:0.##})" };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table" };
        var csv = new Option<string?>("--csv") { Description = "Also write the months as CSV to this file" };
        var strict = CliInputs.StrictOption();

        var command = new Command("verify", "Verified savings after signing: the old contract's bill for the actual usage against the new one's, " +
            "month by month, netted, with the gainshare fee accrued (docs/method.md §9)");
        foreach (var o in new Option[] { oldOption, newOption, usage, format, spend, prices, from, to, share, json, csv, strict }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var fromMonth = Month(parse.GetValue(from)!, "--from");
            var toMonth = parse.GetValue(to) is { } toText ? Month(toText, "--to") : (YearMonth?)null;
            var gainshare = parse.GetValue(share) ?? FeeTerms.Default.GainshareShare;
            if (gainshare is < 0m or > 1m) throw new InputException($"--share: must be between 0 and 1, found {gainshare.ToString(CultureInfo.InvariantCulture)}");

            var oldContract = CliInputs.Contract(parse.GetValue(oldOption)!, "--old");
            var newContract = CliInputs.Contract(parse.GetValue(newOption)!, "--new");
            if (newContract.Start < oldContract.Start)
                throw new InputException($"--new {parse.GetValue(newOption)}: start: the new contract must start on or after the old one ({oldContract.Start}), found {newContract.Start}");
            if (fromMonth < oldContract.Start)
                throw new InputException($"--from: {fromMonth} is before the old contract's start {oldContract.Start}");
            var book = CliInputs.PriceBook(parse.GetValue(prices));
            var (cube, spendTable, sources) = UsageInputs.Load(parse.GetValue(usage) ?? [], parse.GetValue(format), parse.GetValue(spend), book, stderr, parse.GetValue(strict));
            var monthly = cube is not null ? CubePricing.MonthlyListUsd(cube, book) : spendTable?.MonthlyListUsd() ?? new Dictionary<YearMonth, Money.Usd>();
            // One cut-off for every verb (docs/method.md §3): the last complete month unless --to says otherwise.
            var last = toMonth ?? (UsageInputs.LastDay(cube, spendTable) is { } day ? AsOfDate.LastCompleteMonth(AsOfDate.Default(day))
                : throw new InputException("--to: no usage to take the last month from; give --to yyyy-MM"));
            if (last < fromMonth) throw new InputException($"--to: {last} is before --from {fromMonth}");

            var statement = VerifiedSavings.Compute(oldContract, newContract, monthly, fromMonth, last, gainshare);
            if (parse.GetValue(csv) is { } csvPath) CliFiles.WriteAtomically(csvPath, "--csv", SavingsJson.Csv(statement));
            if (parse.GetValue(json)) stdout.Write(WithInputs(SavingsJson.Serialize(statement), sources));
            else
            {
                WriteTable(CliInputs.PlainConsole(stdout, 160), statement);
                foreach (var source in sources) stdout.WriteLine($"Input: {CliText.Safe(source.Summary)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The statement's JSON with each usage file's reconciliation under <c>inputs</c>.</summary>
    private static string WithInputs(string json, ImmutableArray<UsageSource> sources)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["inputs"] = new JsonArray([.. sources.Select(s => (JsonNode?)new JsonObject
        {
            ["file"] = s.File,
            ["format"] = s.Format,
            ["rowsRead"] = s.RowsRead,
            ["accepted"] = s.Accepted,
            ["rejected"] = s.Rejected,
            ["rejectedListUsd"] = s.RejectedListUsd?.RoundedToCents.Value,
        })]);
        return node.ToJsonString(AnalysisJson.Options) + "\n";
    }

    private static YearMonth Month(string text, string option) =>
        YearMonth.TryParse(text, out var month) ? month : throw new InputException($"{option}: '{text}' is not a month (expected yyyy-MM)");

    private static void WriteTable(IAnsiConsole console, SavingsStatement s)
    {
        console.WriteLine($"Verified savings of {CliText.Safe(s.NewContract)} against {CliText.Safe(s.OldContract)}, signed {s.Signed}, " +
            $"months {s.From} to {s.To}");
        var table = new Table();
        table.AddColumn("Month");
        foreach (var heading in new[] { "List usage", "Old bill", "New bill", "Savings", "Cumulative", "Fee to date" })
            table.AddColumn(new TableColumn(heading).RightAligned().NoWrap());
        foreach (var m in s.Months)
            table.AddRow(m.Month.ToString(), $"{m.ListUsage}", $"{m.OldBill}", $"{m.NewBill}", $"{m.Savings}", $"{m.Cumulative}", $"{m.Fee}");
        table.AddRow("Total", "", $"{s.OldTotal}", $"{s.NewTotal}", $"{s.Savings}", "", $"{s.Fee}");
        console.Write(table);
        if (s.StubTrueUp != Money.Usd.Zero)
            console.WriteLine($"The signing month's new bill includes the stub's true-up of {s.StubTrueUp} (the old period closed pro rata at {s.Signed}).");
        console.WriteLine(FeeSentence(s));
    }

    /// <summary>One sentence on the gainshare fee that agrees with the totals beside it.</summary>
    internal static string FeeSentence(SavingsStatement s)
    {
        var share = (s.Share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        return s.Savings > Money.Usd.Zero
            ? $"Verified savings over the window are {s.Savings}; a {share} gainshare fee on them is {s.Fee}."
            : $"Verified savings over the window are {s.Savings}, not above zero, so a {share} gainshare fee on this window is {s.Fee}.";
    }
}
