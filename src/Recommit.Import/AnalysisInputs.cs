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
/// Reads the inputs of an analysis from files (the CLI's <c>analyze</c>, <c>ledger</c> and <c>price</c>, and the web
/// server, call this): the price book with an optional overlay, the contract, the levers, the usage (imported and
/// merged) or spend, and a given future path. Every fault is an <see cref="InputException"/> naming the file.
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

        UsageCube? cube = null;
        SpendTable? spend = null;
        var imports = ImmutableArray.CreateBuilder<ImportReport>();
        var notes = ImmutableArray.CreateBuilder<string>();
        if (files.UsagePaths.Count > 0)
        {
            var merge = new ImportMerge();
            var options = new ImportOptions { Resolver = Resolver(book) };
            foreach (var (format, import) in UsageFormats.ReadAll(files.UsagePaths, files.Format, options))
            {
                imports.Add(import.Report);
                merge.Add(import, format.Merge);
            }
            if (merge.DuplicateCells > 0)
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{merge.DuplicateCells:N0} cells seen in more than one file were counted once"));
            if (merge.HasUsage && merge.HasSpend)
                notes.Add("some files hold tokens and some only dollars; the analysis uses the token files and leaves the spend-only files out");
            if (merge.HasUsage) cube = merge.Cube();
            else if (merge.HasSpend) spend = merge.Spend();
        }
        else if (files.SpendPath is { } spendPath)
        {
            var import = SpendCsv.Read(spendPath);
            imports.Add(import.Report);
            spend = import.Spend;
        }

        var input = new AnalysisInput(contract, book) { Account = contract.Name, Usage = cube, Spend = spend, Levers = levers, AsOf = asOf };
        if (files.FuturePath is { } futurePath)
            input = input with { Future = Future(futurePath, asOf ?? DefaultAsOf(cube, spend)) };
        return new LoadedAnalysis(input, imports.ToImmutable(), notes.ToImmutable());
    }

    /// <summary>The built-in price book, with the price-book file at <paramref name="overlayPath"/> laid over it when given.</summary>
    public static PriceBook PriceBook(string? overlayPath) =>
        overlayPath is null ? Pricing.PriceBook.Default : Pricing.PriceBook.Default.Overlay(ReadText(overlayPath, "price book"), overlayPath);

    /// <summary>The contract file (docs/contracts.md).</summary>
    public static Contract Contract(string path) => ContractJson.Parse(ReadText(path, "contract"), path);

    /// <summary>The levers file (docs/levers.md), or no levers when <paramref name="path"/> is null.</summary>
    public static LeverPlan Levers(string? path) => path is null ? LeverPlan.None : LeverFile.Parse(ReadText(path, "levers"), path);

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

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{what} {path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>The day after the last usage day (or after the last spend month): the engine's default as-of date.</summary>
    private static DateOnly DefaultAsOf(UsageCube? cube, SpendTable? spend) =>
        cube?.DayRange is { } range ? range.Last.AddDays(1)
        : spend is { Rows.Length: > 0 } ? spend.Rows.Max(r => r.Month).LastDay.AddDays(1)
        : throw new InputException("no usage to analyse: give usage files or a spend table");

    /// <summary>
    /// A future path: a spend CSV (<c>month,model,list_usd</c>) of list dollars after levers, summed per month, for
    /// consecutive months starting with the as-of month.
    /// </summary>
    private static ImmutableArray<Usd> Future(string path, DateOnly asOf)
    {
        var import = SpendCsv.Read(path);
        if (import.Report.Rejected > 0)
            throw new InputException($"future {path}: {import.Report.Rejected} row(s) rejected, first: {import.Report.RejectedRows[0]}");
        var monthly = import.Spend.MonthlyListUsd();
        var first = YearMonth.Of(asOf);
        if (monthly.Count == 0) throw new InputException($"future {path}: no months");
        if (monthly.Keys.Min() != first)
            throw new InputException($"future {path}: the path must start with the as-of month {first}, found {monthly.Keys.Min()}");
        var values = ImmutableArray.CreateBuilder<Usd>();
        for (var m = first; monthly.TryGetValue(m, out var usd); m = m.AddMonths(1)) values.Add(usd);
        if (values.Count != monthly.Count)
            throw new InputException($"future {path}: months must be consecutive; {first.AddMonths(values.Count)} is missing");
        return values.ToImmutable();
    }
}
