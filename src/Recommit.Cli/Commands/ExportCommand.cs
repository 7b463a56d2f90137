using System.CommandLine;
using System.Text.Json;
using Recommit.Cli.Internals;
using Recommit.Money;
using Recommit.Reports.Focus;
using Recommit.Time;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit export focus --contract FILE (--usage FILE... | --spend FILE) --out FILE [--dataset cost-and-usage|contract-commitment]
/// [--analysis DIR] [--through yyyy-MM]</c>: the contract's bills, or the contract itself, as FOCUS CSV (docs/fees.md).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export the contract and its bills in formats other tools read");
        command.Subcommands.Add(Focus());
        return command;
    }

    private static Command Focus()
    {
        var contract = new Option<string>("--contract") { Description = "Contract JSON file (see docs/contracts.md)", Required = true };
        var usage = new Option<string[]>("--usage") { Description = "Usage file(s) in any supported format; several files merge", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string?>("--format") { Description = "Force the usage files' format instead of detecting it" };
        var spend = new Option<string?>("--spend") { Description = "Monthly spend CSV (month,model,list_usd)" };
        var prices = new Option<string?>("--prices") { Description = "A price-book JSON file laid over the built-in one" };
        var output = new Option<string>("--out") { Description = "The CSV file to write", Required = true };
        var dataset = new Option<string>("--dataset")
        {
            Description = "cost-and-usage (the bills, one row per month and model family) or contract-commitment (one row per true-up period)",
            DefaultValueFactory = _ => "cost-and-usage",
        };
        dataset.AcceptOnlyFromAmong("cost-and-usage", "contract-commitment");
        var analysis = new Option<string?>("--analysis") { Description = "Folder holding analysis.json: adds each period's projected P50 position (contract-commitment)" };
        var through = new Option<string?>("--through") { Description = "Last month to bill, yyyy-MM (default: the last month with usage); periods ended by then are closed" };

        var command = new Command("focus", "Write the contract's bills (cost-and-usage) or the contract (contract-commitment) as a FOCUS CSV");
        foreach (var o in new Option[] { contract, usage, format, spend, prices, output, dataset, analysis, through }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var terms = CliInputs.Contract(parse.GetValue(contract)!);
            var outPath = parse.GetValue(output)!;
            var throughMonth = parse.GetValue(through) is { } text
                ? YearMonth.TryParse(text, out var m) ? m : throw new InputException($"--through: '{text}' is not a month (expected yyyy-MM)")
                : (YearMonth?)null;
            var kind = parse.GetValue(dataset) == "contract-commitment" ? FocusDataset.ContractCommitment : FocusDataset.CostAndUsage;
            string csv;
            if (kind == FocusDataset.ContractCommitment)
            {
                var projected = parse.GetValue(analysis) is { } dir ? ProjectedPath(dir) : null;
                csv = FocusCsv.ContractCommitment(terms, FocusCommitment.Build(terms, projected));
            }
            else
            {
                var book = CliInputs.PriceBook(parse.GetValue(prices));
                var (cube, spendTable, _) = UsageInputs.Load(parse.GetValue(usage) ?? [], parse.GetValue(format), parse.GetValue(spend), book, stderr);
                var charges = FocusCostAndUsage.Build(terms, FamilyListUsage.Monthly(cube, spendTable, book), throughMonth);
                csv = FocusCsv.CostAndUsage(terms, charges);
            }
            if (FocusRules.Validate(csv, kind) is { Length: > 0 } faults)
                throw new InvalidOperationException($"the FOCUS file would break the specification's column rules: {faults[0]}");
            CliFiles.WriteAtomically(outPath, "--out", csv);
            stdout.WriteLine($"Wrote {outPath}: {csv.Count(c => c == '\n') - 1:N0} FOCUS {parse.GetValue(dataset)} rows for {CliText.Safe(terms.Name)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Monthly list dollars from analysis.json's forecast: the actual where known, else the P50 after levers.</summary>
    private static Dictionary<YearMonth, Usd> ProjectedPath(string dir)
    {
        var path = Path.Combine(dir, "analysis.json");
        try
        {
            using var doc = JsonDocument.Parse(CliInputs.ReadText(path, "--analysis"));
            var monthly = new Dictionary<YearMonth, Usd>();
            foreach (var month in doc.RootElement.GetProperty("forecast").GetProperty("months").EnumerateArray())
            {
                var key = YearMonth.Parse(month.GetProperty("month").GetString()!);
                var actual = month.TryGetProperty("actual", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : (decimal?)null;
                monthly[key] = new Usd(actual ?? month.GetProperty("afterLeversP50").GetDecimal());
            }
            return monthly;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"--analysis {path}: forecast.months: not the analysis.json that 'recommit analyze' writes ({e.Message})");
        }
    }
}
