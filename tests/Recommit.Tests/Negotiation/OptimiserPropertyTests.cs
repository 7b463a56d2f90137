using FsCheck;
using FsCheck.Xunit;
using Recommit.Contracts;
using Recommit.Gap;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;

namespace Recommit.Tests.Negotiation;

public class OptimiserPropertyTests
{
    private static readonly YearMonth Start = new(2026, 1);

    private static readonly GapAssessment Durable = new(GapClass.DurableOverage, "durable-overage", 6, 0.1, [], null, null, null, null, null, "high", null, "");

    /// <summary>A two-year contract, renegotiated after <paramref name="elapsed"/> months, with noisy trending usage paths.</summary>
    private static (NegotiationSetup Setup, double[] P50) Draw(PositiveInt commitK, byte usageRatio, sbyte trend, byte noise, byte capPct, byte elapsed, int seed)
    {
        var commitment = 100m + commitK.Get % 5000 * 10m;
        var contract = new Contract("c", Start, [new CommitmentPeriod(12, new Usd(commitment)), new CommitmentPeriod(12, new Usd(commitment))],
            0.20m, 0m, CarryoverRule.None, BillingMode.Arrears, false);
        var first = Start.AddMonths(3 + elapsed % 20);
        var level = (double)commitment / 12 / 0.8 * (0.4 + usageRatio / 255.0 * 1.4);
        var actual = Enumerable.Range(0, Start.MonthsUntil(first)).ToDictionary(m => Start.AddMonths(m), _ => new Usd((decimal)Math.Round(level, 2)));
        const int paths = 24;
        var months = first.MonthsUntil(contract.End) + 24;
        var random = new Random(seed);
        var matrix = new double[paths * months];
        for (var p = 0; p < paths; p++)
            for (var t = 0; t < months; t++)
                matrix[p * months + t] = Math.Max(0, level * (1 + trend / 1000.0 * t) * (1 + noise / 500.0 * (random.NextDouble() - 0.5)));
        var p50 = Enumerable.Range(0, months).Select(t => level * (1 + trend / 1000.0 * t)).ToArray();
        var assumptions = NegotiationAssumptions.Default with { MaxProbabilityWorseOff = capPct % 101 / 100m };
        return (new NegotiationSetup(contract, first, actual, matrix, paths, months, assumptions, (ulong)seed), p50);
    }

    [Property(MaxTest = 25)]
    public void The_optimiser_never_returns_a_package_failing_mutual_gain_or_the_risk_cap(PositiveInt commitK, byte usageRatio, sbyte trend, byte noise,
        byte capPct, byte elapsed, int seed)
    {
        var (setup, p50) = Draw(commitK, usageRatio, trend, noise, capPct, elapsed, seed);

        var result = Negotiator.Run(setup, [], p50, Durable);

        var cap = setup.Assumptions.MaxProbabilityWorseOff;
        Assert.All(result.Valuation.Packages, p => Assert.True(p.MutualGain && p.ProbabilityWorseOff <= (double)cap,
            $"{p.Package.Name}: saving {p.BuyerSaving}, gain {p.VendorGain}, P(worse) {p.ProbabilityWorseOff} against cap {cap}"));
        Assert.All(result.Frontier, f => Assert.True(f.BuyerSaving.Value > 0 && f.VendorGain.Value >= -0.01m));
        if (result.Recommendation.Action == "open-now") Assert.NotNull(result.Recommendation.Package);
    }

    [Property(MaxTest = 20)]
    public void The_lane_screen_gives_the_path_by_path_screens_figures_to_the_bit(PositiveInt commitK, byte usageRatio, sbyte trend, byte noise,
        byte elapsed, int seed, bool moves, bool protectedOld, byte pathCount)
    {
        var (drawn, p50) = Draw(commitK, usageRatio, trend, noise, 20, elapsed, seed);
        // Any number of paths (a last chunk shorter than the lanes), price moves, and a price-protected old contract.
        var paths = 1 + pathCount % 150;
        var matrix = new double[paths * drawn.Months];
        for (var i = 0; i < matrix.Length; i++) matrix[i] = drawn.Paths[i % drawn.Paths.Length] * (1 + (i / drawn.Months) % 7 * 0.03);
        var setup = drawn with
        {
            Paths = matrix,
            PathCount = paths,
            Contract = drawn.Contract with { PriceProtection = protectedOld, Carryover = new CarryoverRule(0.5m, 0.1m) },
            Assumptions = moves ? drawn.Assumptions with { PriceMoves = [new PriceMove(2027, 0.5m, 0.2m), new PriceMove(2028, 0.4m, -0.3m)] } : drawn.Assumptions,
        };
        var candidates = Optimiser.Candidates(setup, p50).Select(c => c.Package).ToList();
        if (candidates.Count > 0) candidates.Add(candidates[0] with { Terms = candidates[0].Terms with { PriceProtection = true } });

        var lanes = Valuation.Screen(setup, candidates);
        var general = Valuation.Screen(setup, candidates, general: true);

        Assert.Equal(general.MeanBuyerCost, lanes.MeanBuyerCost);
        Assert.Equal(general.MeanVendorValue, lanes.MeanVendorValue);
        Assert.Equal(general.ProbabilityWorseOff, lanes.ProbabilityWorseOff);
    }

    [Fact]
    public void The_optimiser_searches_at_least_40_commit_levels_and_three_ramps_with_band_discounts()
    {
        var (setup, p50) = Draw(PositiveInt.NewPositiveInt(100_000), 200, 10, 20, 20, 6, 3);

        var candidates = Optimiser.Candidates(setup, p50);

        Assert.True(candidates.Select(c => c.AnnualCommit).Distinct().Count() >= 40);
        Assert.Equal(3, candidates.Select(c => c.Shape.Ramp).Distinct().Count());
        Assert.Equal([0, 12, 24], candidates.Select(c => c.Shape.ExtensionMonths).Distinct().Order());
        Assert.All(candidates, c => Assert.Equal(DiscountBand.Lookup(setup.Assumptions.Bands, c.AnnualCommit, c.TermMonths), c.Package.Terms.CommittedDiscount));
    }

    [Fact]
    public void Fewer_than_three_months_to_renewal_says_to_negotiate_the_renewal()
    {
        var (setup, p50) = Draw(PositiveInt.NewPositiveInt(100), 200, 0, 0, 20, 19, 1);

        var result = Negotiator.Run(setup, [], p50, Durable);

        Assert.Equal(2, result.Recommendation.MonthsToRenewal);
        Assert.Equal("negotiate-renewal", result.Recommendation.Action);
    }
}
