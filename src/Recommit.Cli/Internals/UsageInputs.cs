using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Import;
using Recommit.Money;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Cli.Internals;

/// <summary>
/// The account's usage as the commands take it: usage files in any supported format (merged) or a monthly spend table,
/// read by <see cref="AnalysisInputs.Usage"/>. Import summaries and merge notes go to stderr.
/// </summary>
internal static class UsageInputs
{
    /// <summary>Refuses a command line that gives both or neither of --usage and --spend.</summary>
    public static void RequireOne(IReadOnlyList<string> usagePaths, string? spendPath)
    {
        if ((usagePaths.Count > 0) == (spendPath is not null))
            throw new InputException("give either --usage FILE... or --spend FILE (one of them, not both)");
    }

    /// <summary>Writes what reading the usage found: each file's summary, then what the merge did.</summary>
    public static void Report(LoadedUsage usage, TextWriter stderr)
    {
        foreach (var report in usage.Imports) CliInputs.WriteImportSummary(report, stderr);
        foreach (var note in usage.MergeNotes) stderr.WriteLine($"note: {note}");
    }

    /// <summary>
    /// Imports and merges <paramref name="usagePaths"/>, or reads <paramref name="spendPath"/>; exactly one must be given.
    /// Each file's reconciliation is returned for the output; under <paramref name="strict"/> a rejected row is bad input.
    /// </summary>
    public static (UsageCube? Cube, SpendTable? Spend, ImmutableArray<UsageSource> Sources) Load(IReadOnlyList<string> usagePaths, string? format,
        string? spendPath, PriceBook book, TextWriter stderr, bool strict = false)
    {
        RequireOne(usagePaths, spendPath);
        var usage = AnalysisInputs.Usage(usagePaths, format, spendPath, book, strict);
        Report(usage, stderr);
        return (usage.Cube, usage.Spend, usage.Sources);
    }

    /// <summary>The last day the usage covers: the cube's last day, or the last spend month's last day; null without usage.</summary>
    public static DateOnly? LastDay(UsageCube? cube, SpendTable? spend) =>
        cube?.DayRange is { } range ? range.Last
        : spend is { Rows.Length: > 0 } ? spend.Rows.Max(r => r.Month).LastDay
        : null;

    /// <summary>Monthly list-price dollars of the account (priced through <paramref name="book"/> when tokens are known).</summary>
    public static IReadOnlyDictionary<YearMonth, Usd> MonthlyListUsd(IReadOnlyList<string> usagePaths, string? format, string? spendPath,
        PriceBook book, TextWriter stderr)
    {
        var (cube, spend, _) = Load(usagePaths, format, spendPath, book, stderr);
        return cube is not null ? CubePricing.MonthlyListUsd(cube, book)
            : spend is not null ? spend.MonthlyListUsd()
            : ImmutableSortedDictionary<YearMonth, Usd>.Empty;
    }
}
