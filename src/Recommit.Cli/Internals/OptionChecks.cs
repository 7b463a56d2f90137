using System.Globalization;
using Recommit.Contracts;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Cli.Internals;

/// <summary>
/// Bounds on option values and on how the inputs fit together, each refused with a sentence that names the option and
/// what is accepted (docs/input-safety.md, "Option bounds"): a wrong value gives an error, not a confident answer.
/// </summary>
internal static class OptionChecks
{
    /// <summary>The fewest simulated paths (P10/P90 need some hundreds to mean anything).</summary>
    public const int MinPaths = 100;

    /// <summary>The most simulated paths: 200,000 (about 0.5 GB; 3,000,000 took 7.1 GB).</summary>
    public const int MaxPaths = 200_000;

    /// <summary>How many days after the last usage day <c>--as-of</c> may be.</summary>
    public const int AsOfDaysAfterData = 92;

    public static int Paths(int paths) => paths is >= MinPaths and <= MaxPaths ? paths
        : throw new InputException(string.Create(CultureInfo.InvariantCulture, $"--paths: {paths:N0} is outside {MinPaths:N0}..{MaxPaths:N0} simulated paths"));

    /// <summary>
    /// The gap threshold τ: a fraction strictly between 0 and 1 (<c>0.05</c>) or a percentage (<c>5%</c>). A bare number
    /// of 1 or more (<c>5</c>) is refused rather than read as 500 %.
    /// </summary>
    public static double Threshold(string? text)
    {
        if (text is null) return Gap.GapClassifier.DefaultThreshold;
        var s = text.Trim();
        var percent = s.EndsWith('%');
        if (percent) s = s[..^1].TrimEnd();
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new InputException($"--threshold: '{Clip(text)}' is not a number; give a fraction such as 0.10 or a percentage such as 10%");
        if (percent) value /= 100;
        if (value is > 0 and < 1) return value;
        throw new InputException(!percent && value >= 1
            ? $"--threshold: {Clip(text)} is not a fraction between 0 and 1; for {Clip(text)} percent write {Clip(text)}% or {(value / 100).ToString("0.###", CultureInfo.InvariantCulture)}"
            : $"--threshold: {Clip(text)} must lie strictly between 0 and 1 (0 % and 100 %)");
    }

    /// <summary>
    /// The analysis date against the usage: not before the second usage day (there must be usage before it) and not
    /// more than <see cref="AsOfDaysAfterData"/> days after the last.
    /// </summary>
    public static void AsOf(DateOnly? asOf, DateOnly first, DateOnly last)
    {
        if (asOf is not { } day) return;
        if (day <= first)
            throw new InputException($"--as-of {day:yyyy-MM-dd}: no usage before it (the usage runs {first:yyyy-MM-dd}..{last:yyyy-MM-dd}); give a later date");
        if (day > last.AddDays(1 + AsOfDaysAfterData))
            throw new InputException($"--as-of {day:yyyy-MM-dd}: more than {AsOfDaysAfterData} days after the last usage day {last:yyyy-MM-dd}; " +
                "the analysis would treat the months between as zero usage (import the newer usage, or leave --as-of out)");
    }

    /// <summary>A contract that does not overlap the usage at all is refused: nothing of it can be measured.</summary>
    public static void Overlap(Contract contract, string contractPath, YearMonth firstUsage, YearMonth lastUsage)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var lastContractMonth = contract.End.AddMonths(-1);
        if (lastUsage < contract.Start)
            throw new InputException($"--contract {contractPath}: the contract starts in {contract.Start}, after all the usage ({firstUsage}..{lastUsage}); " +
                "no month of it can be measured (check the start date, or give the usage of the contract's term)");
        if (firstUsage > lastContractMonth)
            throw new InputException($"--contract {contractPath}: the contract ended in {lastContractMonth}, before the usage starts ({firstUsage}..{lastUsage}); " +
                "check the start date and the periods, or give the contract in force");
    }

    /// <summary>
    /// Notes on stderr for usage of a model on days before the price book says it was released (a wrong date or a
    /// wrong model name); the usage is kept.
    /// </summary>
    public static void WarnBeforeRelease(UsageCube cube, PriceBook book, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(book);
        var released = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var model in cube.Models)
            if (book.TryResolve(model, out var id) && book.Info(id).Released is { } day) released[model] = day;
        if (released.Count == 0) return;
        var early = new Dictionary<string, (DateOnly First, long Tokens)>(StringComparer.Ordinal);
        for (var i = 0; i < cube.Count; i++)
        {
            var model = cube.Model(i);
            if (!released.TryGetValue(model, out var release) || cube.Day(i) >= release) continue;
            var day = cube.Day(i);
            early[model] = early.TryGetValue(model, out var seen) ? (day < seen.First ? day : seen.First, seen.Tokens + cube.Tokens(i)) : (day, cube.Tokens(i));
        }
        foreach (var (model, (first, tokens)) in early.OrderBy(e => e.Key, StringComparer.Ordinal))
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {tokens:N0} tokens of {Terminal.Name(model)} are dated from {first:yyyy-MM-dd}, before the model's release on {released[model]:yyyy-MM-dd} per the price book; check the dates or the model names"));
    }

    private static string Clip(string s) => Terminal.Name(s.Length <= 40 ? s : s[..40] + "…");
}
