using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Import.Canonical;
using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Cli.Internals;

/// <summary>
/// From files to an <see cref="AnalysisResult"/>: loads the price book, contract and levers, imports and merges the
/// usage files (any supported format) or the spend table, reads an optional future path, and runs the engine.
/// Import summaries go to stderr.
/// </summary>
internal static class AnalysisPipeline
{
    public static AnalysisResult Run(AnalysisRequest request, TextWriter stderr)
    {
        var book = CliInputs.PriceBook(request.PricesPath);
        var contract = CliInputs.Contract(request.ContractPath);
        var levers = CliInputs.Levers(request.LeversPath);
        var assumptions = CliInputs.Assumptions(request.AssumptionsPath);
        var scenarios = CliInputs.Scenarios(request.ScenariosPath);

        var (cube, spend, sources) = UsageInputs.Load(request.UsagePaths, request.Format, request.SpendPath, book, stderr, request.Strict);

        CheckAgainstUsage(request, contract, book, cube, spend, stderr);
        var input = new AnalysisInput(contract, book)
        {
            Account = request.Account ?? contract.Name,
            Usage = cube,
            Spend = spend,
            Levers = levers,
            AsOf = request.AsOf,
            Paths = request.Paths,
            Seed = request.Seed,
            Threshold = request.Threshold,
            Assumptions = assumptions,
            Scenarios = scenarios,
            Sources = sources,
        };
        if (request.FuturePath is { } futurePath)
            input = input with { Future = ReadFuture(futurePath, request.AsOf ?? DefaultAsOf(cube, spend)) };
        return Analyzer.Run(input);
    }

    /// <summary>The contract and --as-of against the usage's days; usage dated before its model's release is flagged.</summary>
    private static void CheckAgainstUsage(AnalysisRequest request, Contracts.Contract contract, Pricing.PriceBook book, UsageCube? cube, SpendTable? spend, TextWriter stderr)
    {
        (DateOnly First, DateOnly Last)? days = cube?.DayRange is { } range ? range
            : spend is { Rows.Length: > 0 } ? (spend.Rows.Min(r => r.Month).FirstDay, spend.Rows.Max(r => r.Month).LastDay) : null;
        if (days is not { } d) return;
        OptionChecks.Overlap(contract, request.ContractPath, YearMonth.Of(d.First), YearMonth.Of(d.Last));
        OptionChecks.AsOf(request.AsOf, d.First, d.Last);
        if (cube is not null) OptionChecks.WarnBeforeRelease(cube, book, stderr);
    }

    /// <summary>The day after the last usage day (or after the last spend month): the engine's default as-of date.</summary>
    private static DateOnly DefaultAsOf(UsageCube? cube, SpendTable? spend) =>
        cube?.DayRange is { } range ? AsOfDate.Default(range.Last)
        : spend is { Rows.Length: > 0 } ? AsOfDate.Default(spend.Rows.Max(r => r.Month).LastDay)
        : throw new InputException("no usage to analyse: give --usage FILE... or --spend FILE");

    /// <summary>
    /// A future path: a spend CSV (<c>month,model,list_usd</c>) of list dollars after levers, summed per month, for
    /// consecutive months starting with the as-of month.
    /// </summary>
    private static ImmutableArray<Usd> ReadFuture(string path, DateOnly asOf)
    {
        var import = SpendCsv.Read(path);
        if (import.Report.Rejected > 0)
            throw new InputException($"--future {path}: {import.Report.Rejected} row(s) rejected, first: {import.Report.RejectedRows[0]}");
        var monthly = import.Spend.MonthlyListUsd();
        var first = YearMonth.Of(asOf);
        if (monthly.Count == 0) throw new InputException($"--future {path}: no months");
        if (monthly.Keys.Min() != first)
            throw new InputException($"--future {path}: the path must start with the as-of month {first}, found {monthly.Keys.Min()}");
        var values = ImmutableArray.CreateBuilder<Usd>();
        for (var m = first; monthly.TryGetValue(m, out var usd); m = m.AddMonths(1)) values.Add(usd);
        if (values.Count != monthly.Count)
            throw new InputException($"--future {path}: months must be consecutive; {first.AddMonths(values.Count)} is missing");
        return values.ToImmutable();
    }
}
