using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Recommit.Analysis;
using Recommit.Cli.Internals;
using Recommit.Fees;
using Recommit.Import;
using Recommit.Pricing;
using Recommit.Reports.Json;
using Recommit.Storage.Verify;
using Recommit.Time;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit verify --old FILE --new FILE (--usage FILE... | --spend FILE) --from yyyy-MM [--to yyyy-MM] [--share S]
/// [--json] [--csv FILE]</c>: verified savings month by month after a renegotiation (docs/method.md §9; docs/fees.md).
/// With <c>--account NAME [--store S]</c> the usage and both contracts come from the store (<c>--old</c>/<c>--new</c> are
/// then version numbers, by default the one before the latest and the latest) and the run is stored, as the API's
/// <c>POST …/verify</c> does, through the same <see cref="VerifyRunner"/>.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var oldOption = new Option<string?>("--old") { Description = "The old contract's JSON file (the counterfactual); with --account, its stored version number" };
        var newOption = new Option<string?>("--new") { Description = "The new contract's JSON file; its start is the signing month; with --account, its stored version number" };
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
        var store = CliStore.Option();
        var account = CliStore.AccountOption("Verify this stored account: its stored usage and contract versions; the run is stored");

        var command = new Command("verify", "Verified savings after signing: the old contract's bill for the actual usage against the new one's, " +
            "month by month, netted, with the gainshare fee accrued (docs/method.md §9)");
        foreach (var o in new Option[] { oldOption, newOption, usage, format, spend, prices, from, to, share, json, csv, strict, store, account }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var fromMonth = Month(parse.GetValue(from)!, "--from");
            var toMonth = parse.GetValue(to) is { } toText ? Month(toText, "--to") : (YearMonth?)null;
            var gainshare = parse.GetValue(share) ?? FeeTerms.Default.GainshareShare;
            if (gainshare is < 0m or > 1m) throw new InputException($"--share: must be between 0 and 1, found {gainshare.ToString(CultureInfo.InvariantCulture)}");
            if (parse.GetValue(account) is { } accountName)
            {
                if ((parse.GetValue(usage) is { Length: > 0 }) || parse.GetValue(spend) is not null || parse.GetValue(prices) is not null)
                    throw new InputException("--account: the usage comes from the store; leave out --usage, --spend and --prices");
                var options = new VerifyOptions(0, 0, fromMonth.ToString(), toMonth?.ToString(), parse.GetValue(share));
                var (run, stored) = Stored(parse.GetValue(store), accountName, options, Version(parse.GetValue(oldOption), "--old"), Version(parse.GetValue(newOption), "--new"), stderr);
                Write(parse, csv, json, stdout, stored, run.Json, []);
                if (!parse.GetValue(json)) stdout.WriteLine($"Stored as verify run {run.Id} of account {CliText.Safe(accountName)}: {CliText.Safe(run.Name)}.");
                return ExitCodes.Success;
            }

            var oldContract = AnalysisInputs.Contract(parse.GetValue(oldOption) ?? throw new InputException("--old: required (the old contract's file, or --account to verify a stored account)"), "--old");
            var newContract = AnalysisInputs.Contract(parse.GetValue(newOption) ?? throw new InputException("--new: required (the new contract's file, or --account to verify a stored account)"), "--new");
            if (newContract.Start < oldContract.Start)
                throw new InputException($"--new {parse.GetValue(newOption)}: start: the new contract must start on or after the old one ({oldContract.Start}), found {newContract.Start}");
            if (fromMonth < oldContract.Start)
                throw new InputException($"--from: {fromMonth} is before the old contract's start {oldContract.Start}");
            var book = AnalysisInputs.PriceBook(parse.GetValue(prices));
            var (cube, spendTable, sources) = UsageInputs.Load(parse.GetValue(usage) ?? [], parse.GetValue(format), parse.GetValue(spend), book, stderr, parse.GetValue(strict));
            var monthly = cube is not null ? CubePricing.MonthlyListUsd(cube, book) : spendTable?.MonthlyListUsd() ?? new Dictionary<YearMonth, Money.Usd>();
            // One cut-off for every verb (docs/method.md §3): the last complete month unless --to says otherwise.
            var last = toMonth ?? (UsageInputs.LastDay(cube, spendTable) is { } day ? AsOfDate.LastCompleteMonth(AsOfDate.Default(day))
                : throw new InputException("--to: no usage to take the last month from; give --to yyyy-MM"));
            if (last < fromMonth) throw new InputException($"--to: {last} is before --from {fromMonth}");

            var statement = VerifiedSavings.Compute(oldContract, newContract, monthly, fromMonth, last, gainshare);
            Write(parse, csv, json, stdout, statement, WithInputs(SavingsJson.Serialize(statement), sources), sources);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(ParseResult parse, Option<string?> csv, Option<bool> json, TextWriter stdout, SavingsStatement statement, string jsonText, ImmutableArray<UsageSource> sources)
    {
        if (parse.GetValue(csv) is { } csvPath) CliFiles.WriteAtomically(csvPath, "--csv", SavingsJson.Csv(statement));
        if (parse.GetValue(json)) stdout.Write(jsonText);
        else
        {
            WriteTable(CliInputs.PlainConsole(stdout, 160), statement);
            foreach (var source in sources) stdout.WriteLine($"Input: {CliText.Safe(source.Summary)}");
        }
    }

    /// <summary>Verifies a stored account through <see cref="VerifyRunner"/>, which stores the run; versions default to the latest two.</summary>
    private static (VerifyRun Run, SavingsStatement Statement) Stored(string? storeOption, string accountName, VerifyOptions options, int? oldVersion, int? newVersion, TextWriter stderr) =>
        Task.Run(async () =>
        {
            var store = await CliStore.OpenAsync(storeOption);
            await using var db = store.Open();
            var account = await CliStore.AccountAsync(db, accountName);
            var latest = await db.ContractVersions.Where(c => c.AccountId == account.Id).MaxAsync(c => (int?)c.Version) ?? 0;
            var newer = newVersion ?? latest;
            var older = oldVersion ?? newer - 1;
            if (older < 1) throw new InputException($"--old: account {account.Name} has {latest} contract version(s); verifying needs the old and the new one (add it with 'recommit accounts contract')");
            stderr.WriteLine($"verifying account {account.Name} ({store.Description}): contract v{older} → v{newer}…");
            return await new VerifyRunner(db, PriceBook.Default).RunWithStatementAsync(account.Id, options with { OldVersion = older, NewVersion = newer });
        }).GetAwaiter().GetResult();

    private static int? Version(string? text, string option) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
        : throw new InputException($"{option}: with --account, give a stored contract version number (see 'recommit accounts show'), found '{text}'");

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
