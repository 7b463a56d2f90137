using System.Collections.Immutable;
using System.Globalization;
using Recommit.Analysis;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Simulation;
using Recommit.Time;

namespace Recommit.Fees;

/// <summary>
/// The engagement quote (docs/method.md §9): the fixed fee from the tier schedule for the recommended package's annual
/// commitment, and gainshare's cost to the client from the simulated distribution of verified savings for that package
/// over the window after signing, with P(gainshare costs more than the fixed fee), a one-sentence verdict, and the same
/// figures over 12, 24 and 36-month windows so the window's effect shows (Example 7: 12 months pays nothing on a deal
/// that saves 606 over 24).
/// </summary>
/// <remarks>
/// Each simulated path of monthly list usage (after levers, the same paths the packages were valued on) is taken as the
/// actual usage and run through <see cref="VerifiedSavings"/> (the decimal ledger, monthly accrual, stub true-up in the
/// signing month); the fee on a path is share × max(0, cumulative savings at the window's end).
/// </remarks>
public sealed record FeeQuote(
    string? Package,
    YearMonth? Signed,
    Usd AnnualCommit,
    Usd FixedFee,
    decimal Share,
    int WindowMonths,
    WindowFee? GainshareWindow,
    ImmutableArray<WindowFee> Windows,
    double? ProbabilityGainshareAboveFixed,
    string Favours,
    string Sentence,
    int Paths,
    ImmutableArray<string> Defaulted)
{
    private static readonly int[] ShownWindows = [12, 24, 36];

    /// <summary>The quote for the negotiation's recommended package on the paths of <paramref name="setup"/>.</summary>
    public static FeeQuote From(NegotiationSetup setup, NegotiationResult negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return For(setup, negotiation.Valuation.Packages.FirstOrDefault(p => p.Package.Name == negotiation.Recommendation.Package)?.Package);
    }

    /// <summary>The quote for <paramref name="recommended"/> (none: no package to share savings on) on the paths of <paramref name="setup"/>.</summary>
    public static FeeQuote For(NegotiationSetup setup, Package? recommended)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var fees = setup.Assumptions.Fees;
        var defaulted = setup.Assumptions.Defaulted.Contains("fees") ? ImmutableArray.Create("fees") : [];
        var current = new Usd(setup.Contract.Periods.Sum(p => p.Commitment.Value) * 12m / setup.Contract.TermMonths);
        var annual = recommended?.AnnualCommit ?? current;
        var fixedFee = fees.FixedFee(annual);
        if (recommended is null)
        {
            return new FeeQuote(null, null, annual, fixedFee, fees.GainshareShare, fees.GainshareWindowMonths, null, [], null, "fixed",
                $"No renegotiation package is recommended, so there would be no verified savings to share: gainshare would pay nothing, and the fixed fee is {fixedFee}.",
                setup.PathCount, defaulted);
        }

        var package = recommended.Terms;
        var lastPathMonth = setup.First.AddMonths(setup.Months - 1);
        var windows = ShownWindows.Append(fees.GainshareWindowMonths).Distinct().Order().ToArray();
        var longest = package.Start.AddMonths(windows[^1] - 1);
        var last = longest < lastPathMonth ? longest : lastPathMonth;
        if (last < package.Start) throw new ArgumentException($"the paths end in {lastPathMonth}, before the package starts in {package.Start}", nameof(setup));

        var cumulative = new double[windows.Length][];
        for (var w = 0; w < windows.Length; w++) cumulative[w] = new double[setup.PathCount];
        Parallel.For(0, setup.PathCount, p =>
        {
            var usage = new Dictionary<YearMonth, Usd>(setup.Actual);
            for (var t = 0; t < setup.Months; t++) usage[setup.First.AddMonths(t)] = new Usd((decimal)setup.Paths[p * setup.Months + t]);
            var months = VerifiedSavings.Compute(setup.Contract, package, usage, package.Start, last, 0m).Months;
            for (var w = 0; w < windows.Length; w++)
                cumulative[w][p] = (double)months[Math.Min(windows[w], months.Length) - 1].Cumulative.Value;
        });

        var share = (double)fees.GainshareShare;
        var results = ImmutableArray.CreateBuilder<WindowFee>(windows.Length);
        double[]? chosenFees = null;
        for (var w = 0; w < windows.Length; w++)
        {
            var feePaths = cumulative[w].Select(s => Gainshare.Fee(share, s)).ToArray();
            if (windows[w] == fees.GainshareWindowMonths) chosenFees = feePaths;
            var end = package.Start.AddMonths(windows[w] - 1);
            results.Add(new WindowFee(windows[w], end < last ? end : last, Analyzer.Summarize(cumulative[w]), Analyzer.Summarize(feePaths),
                feePaths.Count(f => f <= 0) / (double)feePaths.Length, end > last));
        }
        var all = results.ToImmutable();
        var chosen = all.First(r => r.Months == fees.GainshareWindowMonths);
        var above = chosenFees!.Count(f => f > (double)fixedFee.Value) / (double)chosenFees!.Length;
        var favours = chosen.Fee.Mean < fixedFee ? "gainshare" : "fixed";
        return new FeeQuote(recommended.Name, package.Start, annual, fixedFee, fees.GainshareShare, fees.GainshareWindowMonths, chosen, all,
            above, favours, Verdict(chosen, fixedFee, fees.GainshareShare, above, favours, setup.PathCount), setup.PathCount, defaulted);
    }

    // The fee's mean and percentiles are simulated (three significant figures unless there is one path; the mean, which
    // the verdict compares with the fixed fee, with more where three would read on the wrong side of it); the fixed fee
    // is a tier's exact price (docs/method.md §9).
    private static string Verdict(WindowFee w, Usd fixedFee, decimal share, double above, string favours, int paths) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Over the {w.Months} months after signing, a {share * 100m:0.##}% gainshare is expected to cost {SimulatedFigure.Text(w.Fee.Mean, fixedFee, paths)} (P10 {SimulatedFigure.Text(w.Fee.P10, paths)}, P90 {SimulatedFigure.Text(w.Fee.P90, paths)}) " +
            $"against a fixed fee of {fixedFee}, and costs more than the fixed fee on {Probability.Percent(above)} of paths: the numbers favour " +
            $"{(favours == "gainshare" ? "gainshare" : "the fixed fee")}.");
}
