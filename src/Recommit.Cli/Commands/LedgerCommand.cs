using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Recommit.Analysis;
using Recommit.Cli.Internals;
using Recommit.Contracts;
using Recommit.Gap;
using Recommit.Import;
using Recommit.Import.Canonical;
using Recommit.Money;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit ledger --contract FILE (--usage FILE | --spend FILE) [--through yyyy-MM] [--json]</c>: runs the contract
/// ledger (docs/method.md §2) over the account's monthly list-price usage and shows each true-up period and each month.
/// </summary>
internal static class LedgerCommand
{
    public static Command Create()
    {
        var contractOption = new Option<string>("--contract") { Description = "Contract JSON file (see docs/contracts.md)", Required = true };
        var usageOption = new Option<string?>("--usage") { Description = "Canonical usage CSV, priced through the price book" };
        var spendOption = new Option<string?>("--spend") { Description = "Monthly spend CSV (month,model,list_usd)" };
        var throughOption = new Option<string?>("--through")
        {
            Description = "Last month to count, yyyy-MM (default: the last complete month of usage); periods ended by then are closed",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Write JSON instead of tables" };
        var strictOption = CliInputs.StrictOption();

        var command = new Command("ledger", "Run the contract ledger over monthly usage: per period the capacity, overage, premium, " +
            "shortfall, carryover and bill; per month the pace and the bill (docs/method.md §2)");
        command.Options.Add(contractOption);
        command.Options.Add(usageOption);
        command.Options.Add(spendOption);
        command.Options.Add(throughOption);
        command.Options.Add(jsonOption);
        command.Options.Add(strictOption);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var usagePath = parse.GetValue(usageOption);
            var spendPath = parse.GetValue(spendOption);
            if ((usagePath is null) == (spendPath is null))
            {
                stderr.WriteLine("recommit ledger: give exactly one of --usage FILE or --spend FILE");
                return ExitCodes.BadInput;
            }
            YearMonth? through = null;
            if (parse.GetValue(throughOption) is { } throughText)
            {
                if (!YearMonth.TryParse(throughText, out var month))
                {
                    stderr.WriteLine($"recommit ledger: --through: '{throughText}' is not a month (expected yyyy-MM)");
                    return ExitCodes.BadInput;
                }
                if (!UsageWindow.ContainsMonth(month))
                {
                    stderr.WriteLine($"recommit ledger: --through: {UsageWindow.OutsideMonth(month)}");
                    return ExitCodes.BadInput;
                }
                through = month;
            }

            var contractPath = parse.GetValue(contractOption)!;
            var contract = CliInputs.Contract(contractPath);
            var input = spendPath is not null ? ReadSpend(spendPath) : ReadUsage(usagePath!);
            if (input.Monthly.Count > 0) OptionChecks.Overlap(contract, contractPath, input.Monthly.Keys.Min(), input.Monthly.Keys.Max());
            CliInputs.CheckStrict(input.Report, parse.GetValue(strictOption));
            if (input.Report.Rejected > 0)
            {
                stderr.WriteLine($"recommit ledger: warning: {input.Report.Summary}");
                foreach (var row in input.Report.RejectedRows.Take(5)) stderr.WriteLine($"  {row}");
            }

            // One cut-off for every verb (docs/method.md §3): the last complete month unless --through says otherwise.
            var asOf = through ?? (input.LastDay is { } day ? AsOfDate.LastCompleteMonth(AsOfDate.Default(day)) : null);
            var counted = asOf is { } cut ? input.Monthly.Where(p => p.Key <= cut).ToDictionary() : input.Monthly.ToDictionary();
            var result = Ledger.Run(contract, counted, asOf);
            var gap = asOf is { } last ? Gap(contract, input, last) : null;
            var cutoff = asOf is { } c && input.LastDay is { } lastDay ? AsOfDate.Describe(c, lastDay, through is not null) : asOf?.ToString();
            var source = CliInputs.Source(input.Report);
            if (parse.GetValue(jsonOption)) WriteJson(stdout, contract, asOf, cutoff, source, result, gap);
            else
            {
                WriteTables(stdout, contract, cutoff, result, source);
                if (gap is not null)
                {
                    stdout.WriteLine($"Gap: {gap.ClassName} (run of {gap.RunLength} month(s)). {gap.Sentence}");
                    stdout.WriteLine(ProjectionNote);
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How the projection in the gap sentence was made; the same as <c>recommit analyze</c>'s with its defaults.</summary>
    private const string ProjectionNote =
        "Projection: the P50 of 10,000 simulated paths (seed 1) of the current period's end position before levers, as in recommit analyze.";

    /// <summary>
    /// The gap verdict over the months counted (docs/method.md §3) with the same projection as <c>recommit analyze</c>: the
    /// engine's forecast and simulation from the month after the cut-off, before levers, default paths and seed.
    /// </summary>
    private static GapAssessment? Gap(Contract contract, LedgerInput input, YearMonth last)
    {
        if (input.Monthly.Count == 0 || input.Monthly.Keys.Min() > last) return null;
        var analysis = Analyzer.Run(new AnalysisInput(contract, PriceBook.Default)
        {
            Usage = input.Cube,
            Spend = input.Spend,
            AsOf = AsOfDate.After(last),
        });
        return analysis.Gap;
    }

    private sealed record LedgerInput(IReadOnlyDictionary<YearMonth, Usd> Monthly, ImportReport Report, DateOnly? LastDay, UsageCube? Cube, SpendTable? Spend);

    private static LedgerInput ReadSpend(string path)
    {
        var import = SpendCsv.Read(path);
        var monthly = import.Spend.MonthlyListUsd();
        return new LedgerInput(monthly, import.Report, monthly.Count == 0 ? null : monthly.Keys.Max().LastDay, null, import.Spend);
    }

    private static LedgerInput ReadUsage(string path)
    {
        var book = PriceBook.Default;
        var import = CanonicalUsageCsv.Read(path, CliInputs.Resolver(book));
        return new LedgerInput(CubePricing.MonthlyListUsd(import.Cube, book), import.Report, import.Cube.DayRange?.Last, import.Cube, null);
    }

    private static void WriteJson(TextWriter output, Contract contract, YearMonth? asOf, string? cutoff, UsageSource source, LedgerResult result, GapAssessment? gap)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("contract", contract.Name);
            if (asOf is { } month) w.WriteString("through", month.ToString());
            else w.WriteNull("through");
            if (cutoff is not null) w.WriteString("cutoff", cutoff);
            w.WriteStartArray("inputs");
            w.WriteStartObject();
            w.WriteString("file", source.File);
            w.WriteString("format", source.Format);
            w.WriteNumber("rowsRead", source.RowsRead);
            w.WriteNumber("accepted", source.Accepted);
            w.WriteNumber("rejected", source.Rejected);
            if (source.RejectedListUsd is { } worth) Money(w, "rejectedListUsd", worth);
            else w.WriteNull("rejectedListUsd");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("periods");
            foreach (var p in result.Periods)
            {
                w.WriteStartObject();
                w.WriteString("start", p.Start.ToString());
                w.WriteString("end", p.End.ToString());
                Money(w, "commitment", p.Commitment);
                Money(w, "carryIn", p.CarryIn);
                Money(w, "listUsage", p.ListUsage);
                Money(w, "consumedAtCommittedRates", p.ConsumedAtCommittedRates);
                Money(w, "overageList", p.OverageList);
                Money(w, "overageBilled", p.OverageBilled);
                Money(w, "overagePremium", p.OveragePremium);
                Money(w, "shortfall", p.Shortfall);
                Money(w, "carryOut", p.CarryOut);
                Money(w, "forfeited", p.Forfeited);
                Money(w, "bill", p.Bill);
                w.WriteBoolean("closed", p.Closed);
                Money(w, "remainingCommitment", p.RemainingCommitment);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("months");
            foreach (var m in result.Months)
            {
                w.WriteStartObject();
                w.WriteString("month", m.Month.ToString());
                w.WriteNumber("period", m.PeriodIndex + 1);
                Money(w, "listUsage", m.ListUsage);
                Money(w, "consumedAtCommittedRates", m.ConsumedAtCommittedRates);
                Money(w, "pace", m.Pace);
                Money(w, "cumulativeConsumed", m.CumulativeConsumed);
                Money(w, "cumulativePace", m.CumulativePace);
                Money(w, "overageList", m.OverageList);
                Money(w, "overageBilled", m.OverageBilled);
                Money(w, "bill", m.Bill);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (gap is not null)
            {
                w.WriteStartObject("gap");
                w.WriteString("class", gap.ClassName);
                w.WriteNumber("runLength", gap.RunLength);
                w.WriteNumber("threshold", gap.Threshold);
                w.WriteStartArray("months");
                foreach (var m in gap.Months)
                {
                    w.WriteStartObject();
                    w.WriteString("month", m.Month.ToString());
                    Money(w, "consumed", m.Consumed);
                    Money(w, "pace", m.Pace);
                    w.WriteNumber("gapRatio", Math.Round(m.GapRatio, 6));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (gap.MannKendallS is { } s) w.WriteNumber("mannKendallS", s);
                if (gap.MannKendallPValue is { } pv) w.WriteNumber("mannKendallPValue", Math.Round(pv, 6));
                if (gap.ProjectedPeriodEndPosition is { } pos) Money(w, "projectedPeriodEndPosition", pos);
                w.WriteString("confidence", gap.Confidence);
                w.WriteString("sentence", gap.Sentence);
                w.WriteString("projection", ProjectionNote);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Money(Utf8JsonWriter w, string name, Usd value) => w.WriteNumber(name, value.RoundedToCents.Value);

    private static void WriteTables(TextWriter output, Contract contract, string? cutoff, LedgerResult result, UsageSource source)
    {
        var terminal = ReferenceEquals(Terminal.Unwrap(output), Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal) console.Profile.Width = 240;

        console.WriteLine($"{contract.Name}: ledger through {cutoff ?? "(no usage)"}");
        console.WriteLine($"Input: {source.Summary}");
        console.WriteLine(Terms(contract));
        if (result.Periods.IsEmpty)
        {
            console.WriteLine($"No true-up period has started by then (the term starts {contract.Start}).");
            return;
        }

        var periods = new Table { Title = new TableTitle("True-up periods") };
        periods.AddColumn(new TableColumn("Period").NoWrap());
        periods.AddColumn(new TableColumn("Status").NoWrap());
        foreach (var heading in new[] { "Commitment", "Carry-in", "List usage", "Consumed", "Overage (list)", "Overage billed", "Premium", "Shortfall", "Carry-out", "Forfeited", "Bill" })
            periods.AddColumn(new TableColumn(heading).RightAligned().NoWrap());
        foreach (var p in result.Periods)
        {
            periods.AddRow(
                $"{p.Start}..{p.End}",
                p.Closed ? "closed" : $"running {p.MonthsElapsed}/{p.Months}",
                Show(p.Commitment), Show(p.CarryIn), Show(p.ListUsage), Show(p.ConsumedAtCommittedRates), Show(p.OverageList),
                Show(p.OverageBilled), Show(p.OveragePremium), Show(p.Shortfall), Show(p.CarryOut), Show(p.Forfeited), Show(p.Bill));
        }
        console.Write(periods);
        foreach (var p in result.Periods.Where(p => !p.Closed))
        {
            console.WriteLine($"Period {p.Start}..{p.End} is running ({p.MonthsElapsed} of {p.Months} months): " +
                $"{p.RemainingCommitment} of commitment left to consume at committed rates; its bill so far is the commitment plus overage incurred.");
        }

        var months = new Table { Title = new TableTitle("Months") };
        months.AddColumn("Month");
        months.AddColumn(new TableColumn("Period").RightAligned());
        foreach (var heading in new[] { "List usage", "Consumed", "Pace", "Cum. consumed", "Cum. pace", "Overage (list)", "Bill" })
            months.AddColumn(new TableColumn(heading).RightAligned().NoWrap());
        foreach (var m in result.Months)
        {
            months.AddRow(m.Month.ToString(), (m.PeriodIndex + 1).ToString(CultureInfo.InvariantCulture), Show(m.ListUsage),
                Show(m.ConsumedAtCommittedRates), Show(m.Pace), Show(m.CumulativeConsumed), Show(m.CumulativePace), Show(m.OverageList), Show(m.Bill));
        }
        console.Write(months);
    }

    private static string Terms(Contract contract)
    {
        static string Pct(decimal x) => (x * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        var overage = contract.OverageDiscount == 0m ? "overage at list" : $"overage discount {Pct(contract.OverageDiscount)}";
        var carry = contract.Carryover.Fraction == 0m || contract.Carryover.Cap == 0m
            ? "no carryover"
            : $"carryover {Pct(contract.Carryover.Fraction)} of shortfall capped at {Pct(contract.Carryover.Cap)} of the commitment";
        return $"Term {contract.Start}..{contract.End.AddMonths(-1)} ({contract.Periods.Length} periods), committed discount " +
            $"{Pct(contract.CommittedDiscount)}, {overage}, {carry}, billing {contract.Billing.ToString().ToLowerInvariant()}.";
    }

    private static string Show(Usd value) => Markup.Escape(value.ToString());
}
