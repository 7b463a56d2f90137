using System.Collections.Immutable;
using System.Globalization;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// The package optimiser (docs/method.md §7): packages from the as-of month over a grid of 41 annual commit levels from
/// 50 % to 150 % of the P50 reforecast's consumption at committed rates, term extensions of 0, 12 and 24 months (as far
/// as the window reaches), flat, linear and P50-matched ramps, no carryover or 50 % capped at 10 %, and overage at list or
/// at the committed rate, each at the discount of its band. It minimises E[B] subject to mutual gain and
/// P(buyer worse off) ≤ the cap, and returns the acceptable packages best first, the Pareto frontier and the zone.
/// </summary>
internal static class Optimiser
{
    /// <summary>Commit levels on the grid, as factors of the P50 reforecast's annual consumption.</summary>
    public const int Levels = 41;

    private static readonly int[] Extensions = [0, 12, 24];

    /// <summary>
    /// The term extensions the grid leaves out for <paramref name="setup"/>, each with the reason: a term shorter than six
    /// months, or one ending after the window's last month H (only with a given <c>--future</c> path, which fixes H;
    /// otherwise the analysis simulates to the end of the longest extension, docs/method.md §7).
    /// </summary>
    public static ImmutableArray<string> ExtensionsNotTried(NegotiationSetup setup, int p50Months)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var remaining = Math.Max(0, setup.First.MonthsUntil(setup.Contract.End));
        var skipped = ImmutableArray.CreateBuilder<string>();
        foreach (var extension in Extensions)
        {
            var term = remaining + extension;
            var label = extension == 0 ? "the remaining term" : string.Create(CultureInfo.InvariantCulture, $"+{extension} months");
            if (term < 6)
                skipped.Add(string.Create(CultureInfo.InvariantCulture, $"{label} ({term} months) is shorter than the 6-month minimum term"));
            else if (term > setup.WindowMonths || term > p50Months)
                skipped.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label} ({term} months, to {setup.First.AddMonths(term - 1)}) would end after the window's last month {setup.Horizon}, where the given path stops"));
        }
        return skipped.ToImmutable();
    }

    /// <summary>Candidate packages built on one grid: the shape and annual commit of each, in the order generated.</summary>
    public sealed record Candidate(Package Package, PackageShape Shape, Usd AnnualCommit, int TermMonths);

    /// <summary>
    /// Every candidate package for <paramref name="setup"/> given the P50 path of monthly list usage
    /// <paramref name="p50"/> (from the as-of month): the grid described above, skipping levels no band covers.
    /// </summary>
    public static ImmutableArray<Candidate> Candidates(NegotiationSetup setup, ReadOnlySpan<double> p50)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var contract = setup.Contract;
        var remaining = Math.Max(0, setup.First.MonthsUntil(contract.End));
        var candidates = ImmutableArray.CreateBuilder<Candidate>();
        foreach (var extension in Extensions)
        {
            var term = remaining + extension;
            if (term < 6 || term > setup.WindowMonths || term > p50.Length) continue;
            var periods = PeriodLengths(term);
            var monthly = 0.0;
            for (var t = 0; t < term; t++) monthly += p50[t];
            monthly /= term;
            var baseAnnual = monthly * 12 * (1 - (double)contract.CommittedDiscount);
            if (!(baseAnnual > 0)) continue;
            foreach (var ramp in Enum.GetValues<RampShape>())
            {
                var weights = Weights(ramp, periods, p50, monthly);
                for (var level = 0; level < Levels; level++)
                {
                    var annual = new Usd(Math.Round((decimal)(baseAnnual * (0.5 + level * 0.025)), 0, MidpointRounding.AwayFromZero));
                    if (DiscountBand.Lookup(setup.Assumptions.Bands, annual, term) is not { } d) continue;
                    foreach (var carry in new[] { false, true })
                        foreach (var repriced in new[] { false, true })
                        {
                            var shape = new PackageShape(extension, ramp, carry, repriced);
                            candidates.Add(new Candidate(Build(setup.First, annual, periods, weights, d, shape), shape, annual, term));
                        }
                }
            }
        }
        return candidates.ToImmutable();
    }

    /// <summary>A package of <paramref name="shape"/> at <paramref name="annual"/> a year and discount <paramref name="discount"/>.</summary>
    public static Package Build(YearMonth start, Usd annual, IReadOnlyList<int> periods, IReadOnlyList<double> weights, decimal discount, PackageShape shape)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(shape);
        var schedule = periods.Select((m, k) => new CommitmentPeriod(m,
            new Usd(Math.Round(annual.Value * m / 12m * (decimal)weights[k], 2, MidpointRounding.AwayFromZero)))).ToImmutableArray();
        var term = periods.Sum();
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{Compact(annual)}/yr × {term} mo at {discount * 100:0.#} %, {PackageShape.RampName(shape.Ramp)}{(shape.Carryover ? ", carryover" : "")}{(shape.OverageRepriced ? ", overage repriced" : "")}");
        var contract = new Contract(name, start, schedule, discount, shape.OverageRepriced ? discount : 0m,
            shape.Carryover ? new CarryoverRule(0.5m, 0.1m) : CarryoverRule.None, BillingMode.Arrears, false);
        return new Package(contract) { Origin = shape.ToString() };
    }

    /// <summary>Period lengths for a term: whole years, any remainder first so later periods fall on the old anniversaries.</summary>
    public static ImmutableArray<int> PeriodLengths(int term)
    {
        var lengths = ImmutableArray.CreateBuilder<int>();
        if (term % 12 != 0) lengths.Add(term % 12);
        for (var y = 0; y < term / 12; y++) lengths.Add(12);
        return lengths.ToImmutable();
    }

    /// <summary>Per-period weights on the annual rate, averaging 1 over the term's months.</summary>
    public static ImmutableArray<double> Weights(RampShape ramp, IReadOnlyList<int> periods, ReadOnlySpan<double> p50, double monthlyMean)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var raw = new double[periods.Count];
        var offset = 0;
        for (var k = 0; k < raw.Length; k++)
        {
            raw[k] = ramp switch
            {
                RampShape.Linear => raw.Length == 1 ? 1 : 0.85 + 0.30 * k / (raw.Length - 1),
                RampShape.MatchedToP50 => Math.Max(0, Mean(p50.Slice(offset, periods[k])) / monthlyMean),
                _ => 1,
            };
            offset += periods[k];
        }
        var total = 0.0;
        var months = 0;
        for (var k = 0; k < raw.Length; k++)
        {
            total += raw[k] * periods[k];
            months += periods[k];
        }
        return total > 0 ? [.. raw.Select(w => w * months / total)] : [.. raw.Select(_ => 1.0)];
    }

    /// <summary>
    /// Screens <paramref name="candidates"/> and returns those that pass mutual gain and the risk cap, best (lowest E[B])
    /// first, with the screen's figures; the Pareto frontier among them.
    /// </summary>
    internal static (ImmutableArray<int> Acceptable, ScreenResult Screen) Rank(NegotiationSetup setup, ImmutableArray<Candidate> candidates)
    {
        var screen = Valuation.Screen(setup, [.. candidates.Select(c => c.Package)]);
        var cap = (double)setup.Assumptions.MaxProbabilityWorseOff;
        var acceptable = Enumerable.Range(0, candidates.Length)
            .Where(j => IsMutual(screen.Saving(j), screen.Gain(j)) && screen.ProbabilityWorseOff[j + 1] <= cap)
            .OrderByDescending(screen.Saving).ThenBy(j => j)
            .ToImmutableArray();
        return (acceptable, screen);
    }

    internal static bool IsMutual(double saving, double gain) => saving > 0.005 && gain >= -0.005;

    /// <summary>The acceptable packages no other acceptable package beats on both buyer saving and vendor gain, by saving.</summary>
    internal static ImmutableArray<FrontierPoint> Frontier(ImmutableArray<Candidate> candidates, ImmutableArray<int> acceptable, ScreenResult screen)
    {
        var frontier = ImmutableArray.CreateBuilder<FrontierPoint>();
        var bestGain = double.NegativeInfinity;
        foreach (var j in acceptable) // saving descending
        {
            var gain = screen.Gain(j);
            if (gain <= bestGain + 0.005) continue;
            bestGain = gain;
            var c = candidates[j];
            frontier.Add(new FrontierPoint(c.Package.Name, c.AnnualCommit, c.TermMonths, c.Package.Terms.CommittedDiscount,
                Money(screen.Saving(j)), Money(gain)));
        }
        return frontier.ToImmutable();
    }

    /// <summary>
    /// The zone of possible agreement for <paramref name="best"/>'s shape: its curve over the commit grid (from the screen),
    /// the zone's range and both walk-away levels, and a sweep of discounts 0–50 % at its commit level.
    /// </summary>
    internal static ZoneOfAgreement Zone(NegotiationSetup setup, ImmutableArray<Candidate> candidates, ScreenResult screen, Candidate best, ReadOnlySpan<double> p50)
    {
        var curve = Enumerable.Range(0, candidates.Length)
            .Where(j => candidates[j].Shape == best.Shape)
            .Select(j => new CurvePoint(candidates[j].AnnualCommit, candidates[j].Package.Terms.CommittedDiscount,
                Money(screen.Saving(j)), Money(screen.Gain(j)), screen.ProbabilityWorseOff[j + 1]))
            .OrderBy(p => p.AnnualCommit)
            .ToImmutableArray();
        var inside = curve.Where(p => p.MutualGain).ToList();

        // Vendor walk-away: where the gain crosses zero going up the grid; buyer walk-away: where the saving does.
        Usd? vendorWalk = null, buyerWalk = null;
        for (var i = 1; i < curve.Length; i++)
        {
            var (a, b) = (curve[i - 1], curve[i]);
            if (vendorWalk is null && a.VendorGain.Value < 0 && b.VendorGain.Value >= 0)
                vendorWalk = Cross(a.AnnualCommit, a.VendorGain, b.AnnualCommit, b.VendorGain);
            if (a.BuyerSaving.Value > 0 && b.BuyerSaving.Value <= 0)
                buyerWalk = Cross(a.AnnualCommit, a.BuyerSaving, b.AnnualCommit, b.BuyerSaving);
        }

        var periods = PeriodLengths(best.TermMonths);
        var monthly = 0.0;
        for (var t = 0; t < best.TermMonths; t++) monthly += p50[t];
        monthly /= best.TermMonths;
        var weights = Weights(best.Shape.Ramp, periods, p50, monthly);
        var sweep = Enumerable.Range(0, 51).Select(i => i / 100m)
            .Where(d => d < 1m)
            .Select(d => Build(setup.First, best.AnnualCommit, periods, weights, d, best.Shape))
            .ToList();
        var swept = Valuation.Screen(setup, sweep);
        var discountCurve = sweep.Select((p, j) => new CurvePoint(best.AnnualCommit, p.Terms.CommittedDiscount, Money(swept.Saving(j)),
            Money(swept.Gain(j)), swept.ProbabilityWorseOff[j + 1])).ToImmutableArray();
        var agreed = discountCurve.Where(p => p.MutualGain).ToList();

        return new ZoneOfAgreement(best.Shape, best.TermMonths, curve,
            inside.Count == 0 ? null : inside.Min(p => p.AnnualCommit), inside.Count == 0 ? null : inside.Max(p => p.AnnualCommit),
            vendorWalk, buyerWalk, best.AnnualCommit, discountCurve,
            agreed.Count == 0 ? null : agreed.Min(p => p.Discount), agreed.Count == 0 ? null : agreed.Max(p => p.Discount));
    }

    private static Usd Cross(Usd x0, Usd y0, Usd x1, Usd y1)
    {
        var span = y1.Value - y0.Value;
        return span == 0 ? x0 : new Usd(Math.Round(x0.Value + (x1.Value - x0.Value) * (-y0.Value / span), 0, MidpointRounding.AwayFromZero));
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var s = 0.0;
        foreach (var v in values) s += v;
        return values.Length == 0 ? 0 : s / values.Length;
    }

    internal static Usd Money(double value) => Analysis.Analyzer.ToUsd(value);

    internal static string Compact(Usd amount) => amount.Value switch
    {
        >= 1_000_000m => string.Create(CultureInfo.InvariantCulture, $"${amount.Value / 1_000_000m:0.00}M"),
        >= 1_000m => string.Create(CultureInfo.InvariantCulture, $"${amount.Value / 1_000m:0.#}k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"${amount.Value:0}"),
    };
}
