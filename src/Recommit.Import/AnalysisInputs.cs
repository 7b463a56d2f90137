using System.Collections.Immutable;
using System.Globalization;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Import.Canonical;
using Recommit.Import.Formats;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import;

/// <summary>
/// Reads the inputs of an analysis from files; <c>recommit analyze</c>, <c>ledger</c>, <c>price</c> and <c>verify</c>
/// call it, and so can the web server. Every fault is an <see cref="InputException"/> naming the file, prefixed with
/// the file's role as the command line spells it (<c>--contract</c>, <c>--levers</c>, <c>--prices</c>,
/// <c>--future</c>); configuration files are read whole within <see cref="InputFile"/>'s size caps.
/// </summary>
public static class AnalysisInputs
{
    /// <summary>
    /// Loads everything <paramref name="files"/> names. <paramref name="asOf"/> is the analysis' as-of date when
    /// given (a future path must start in its month; by default the day after the last usage day).
    /// </summary>
    public static LoadedAnalysis Load(AnalysisFiles files, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var book = PriceBook(files.PricesPath);
        var contract = Contract(files.ContractPath);
        var levers = Levers(files.LeversPath);
        var usage = Usage(files.UsagePaths, files.Format, files.SpendPath, book, files.Strict);
        var input = new AnalysisInput(contract, book)
        {
            Account = contract.Name, Usage = usage.Cube, Spend = usage.Spend, Levers = levers, AsOf = asOf, Sources = usage.Sources,
        };
        if (files.FuturePath is { } futurePath)
            input = input with { Future = Future(futurePath, asOf ?? DefaultAsOf(usage.Cube, usage.Spend)) };
        return new LoadedAnalysis(input, usage);
    }

    /// <summary>The built-in price book, with the price-book file at <paramref name="overlayPath"/> laid over it when given.</summary>
    public static PriceBook PriceBook(string? overlayPath, string option = "--prices") =>
        overlayPath is null ? Pricing.PriceBook.Default
        : Pricing.PriceBook.Default.Overlay(InputFile.ReadSmallText(overlayPath, option, InputFile.MaxPriceBookBytes), overlayPath);

    /// <summary>The contract file (docs/contracts.md).</summary>
    public static Contract Contract(string path, string option = "--contract") =>
        ContractJson.Parse(InputFile.ReadSmallText(path, option, InputFile.MaxConfigBytes), path);

    /// <summary>The levers file (docs/levers.md), or no levers when <paramref name="path"/> is null.</summary>
    public static LeverPlan Levers(string? path, string option = "--levers") =>
        path is null ? LeverPlan.None : LeverFile.Parse(InputFile.ReadSmallText(path, option, InputFile.MaxConfigBytes), path);

    /// <summary>
    /// Imports and merges <paramref name="usagePaths"/> (any supported format, detected unless <paramref name="format"/>
    /// names one; model names resolved through <paramref name="book"/>), or reads the spend table at
    /// <paramref name="spendPath"/> when no usage file is given. Under <paramref name="strict"/> a file with a rejected
    /// row is an <see cref="InputException"/> naming it and its first rejected row.
    /// </summary>
    public static LoadedUsage Usage(IReadOnlyList<string> usagePaths, string? format, string? spendPath, PriceBook book, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(usagePaths);
        ArgumentNullException.ThrowIfNull(book);
        if (usagePaths.Count == 0)
        {
            if (spendPath is null) return new LoadedUsage(null, null, [], []);
            var import = SpendCsv.Read(spendPath);
            CheckStrict(import.Report, strict);
            return new LoadedUsage(null, import.Spend, [import.Report], []);
        }
        var merge = new ImportMerge();
        var imports = ImmutableArray.CreateBuilder<ImportReport>();
        var options = new ImportOptions { Resolver = Resolver(book) };
        foreach (var (detected, import) in UsageFormats.ReadAll(usagePaths, format, options))
        {
            CheckStrict(import.Report, strict);
            imports.Add(import.Report);
            merge.Add(import, detected.Merge);
        }
        var notes = ImmutableArray.CreateBuilder<string>();
        if (merge.DuplicateCells > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{merge.DuplicateCells:N0} cells seen in more than one file were counted once"));
        if (merge.HasUsage && merge.HasSpend)
            notes.Add("some files hold tokens and some only dollars; the analysis uses the token files and leaves the spend-only files out");
        return new LoadedUsage(merge.HasUsage ? merge.Cube() : null, !merge.HasUsage && merge.HasSpend ? merge.Spend() : null,
            imports.ToImmutable(), notes.ToImmutable());
    }

    /// <summary>A file's reconciliation as an analysis states it.</summary>
    public static UsageSource Source(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new UsageSource(report.File, report.Format, report.RowsRead, report.Accepted, report.Rejected,
            report.RejectedListUsd is { } usd ? new Usd(usd) : null);
    }

    /// <summary>Under <c>--strict</c>, any rejected row is bad input naming the file and its first rejected row.</summary>
    public static void CheckStrict(ImportReport report, bool strict)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!strict || report.Rejected == 0) return;
        var first = report.RejectedRows.IsDefaultOrEmpty ? "" : $"; first: {report.RejectedRows[0]}";
        throw new InputException($"{report.File}: --strict: {report.Rejected:N0} row(s) rejected{first}");
    }

    /// <summary>Resolves file model names to the price book's canonical ids; unknown names are kept and flagged.</summary>
    public static ModelNameResolver Resolver(PriceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return (string name, out string canonical) =>
        {
            if (book.TryResolve(name, out var id))
            {
                canonical = id.Value;
                return true;
            }
            canonical = name;
            return false;
        };
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
    private static ImmutableArray<Usd> Future(string path, DateOnly asOf)
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
