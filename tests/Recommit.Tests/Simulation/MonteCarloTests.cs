using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Simulation;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Tests.Simulation;

public class MonteCarloTests
{
    private static readonly YearMonth Jan = new(2026, 1);
    private static readonly double[] Example2Usage = [110, 118, 125, 140, 150, 160, 170, 185, 195, 210, 220, 230];

    // One model, one cell (standard uncached input) at $1 per token: tokens are list dollars.
    private static SimulationSetup Setup(double[][] means, double sigma, KernelPeriod[] periods, LedgerTerms terms,
        int paths = 200, ulong seed = 42, double rho = 0.5, LeverPlan? plan = null, int months = -1)
    {
        months = months < 0 ? means[0].Length : months;
        var layout = new TokenLayout(["m"]);
        var levers = plan is null ? LeverSet.Empty(layout) : LeverSet.Resolve(plan, new TokenLayout(["m", "n"]), n => Levers.LeverExampleTests.Info(n == "m" ? "claude-sonnet-4-5" : "claude-haiku-4-5") is { } i ? i with { Id = new global::Recommit.Pricing.ModelId(n) } : null);
        layout = levers.Layout;
        var cell = TokenLayout.Cell(0, ServiceTier.Standard, TokenKind.UncachedInput);
        var series = means.Select((m, i) => new SimulationSeries($"s{i}", new TestForecast(m, sigma), [new CellWeight(cell, 1.0)])).ToImmutableArray();
        var prices = new double[months * layout.CellCount];
        for (var t = 0; t < months; t++)
            for (var model = 0; model < layout.Models.Length; model++)
            {
                prices[t * layout.CellCount + TokenLayout.Cell(model, ServiceTier.Standard, TokenKind.UncachedInput)] = model == 0 ? 1.0 : 0.5;
                prices[t * layout.CellCount + TokenLayout.Cell(model, ServiceTier.Batch, TokenKind.UncachedInput)] = model == 0 ? 0.5 : 0.25;
            }
        return new SimulationSetup(Jan, months, series, levers, prices, rho, new LedgerKernel(periods.Select(p => p with { Terms = terms })), paths, seed);
    }

    [Fact]
    public void A_simulation_with_zero_variance_equals_the_deterministic_ledger_of_Example_2()
    {
        var r = MonteCarlo.Run(Setup([Example2Usage], 0, [new KernelPeriod(0, 12, 1200, 0, default)], new LedgerTerms(0.2, 0, 0, 0)));
        Assert.All(r.Bill, b => Assert.Equal(1713.00, b, 9));
        Assert.All(r.Premium, b => Assert.Equal(102.60, b, 9));
        Assert.All(r.Forfeited, b => Assert.Equal(0, b, 9));
        Assert.Equal(1.0, r.ProbabilityAnyOverage);
        Assert.Equal(0.0, r.ProbabilityAnyShortfall);
        Assert.Equal(Example2Usage.Sum(), r.WaterfallMean(0), 9);
        Assert.Equal(102.60, r.CostOfDoingNothing().Average(), 9);
    }

    [Fact]
    public void A_simulation_starting_mid_period_counts_the_months_already_used()
    {
        // Example 3 over two years, simulated from month 7 of year 1: the first six months (6 × 120) are known usage.
        var means = Enumerable.Repeat(120.0, 6).Concat(Enumerable.Repeat(150.0, 12)).ToArray();
        var r = MonteCarlo.Run(Setup([means], 0, [new KernelPeriod(-6, 12, 2400, 720, default), new KernelPeriod(6, 12, 2400, 0, default)], new LedgerTerms(0.25, 0, 0.5, 0.1)));
        Assert.Equal(1320.00, r.PeriodShortfall[0], 9);
        Assert.Equal(1080.00, r.PeriodForfeited[0], 9);
        Assert.Equal(1290.00, r.PeriodShortfall[1], 9);
        Assert.Equal(1290.00, r.PeriodForfeited[1], 9); // last period of the term: no carry-out
        Assert.Equal(2370.00, r.Forfeited[0], 9);
    }

    [Fact]
    public void Reproducible_the_same_seed_gives_identical_arrays()
    {
        var setup = Setup([Example2Usage, Example2Usage], 20, [new KernelPeriod(0, 12, 1200, 0, default)], new LedgerTerms(0.2, 0, 0, 0), paths: 2000, seed: 7);
        var a = MonteCarlo.Run(setup);
        var b = MonteCarlo.Run(setup);
        Assert.Equal(a.AfterLevers, b.AfterLevers);
        Assert.Equal(a.Bill, b.Bill);
        Assert.Equal(a.PeriodForfeited, b.PeriodForfeited);
    }

    [Fact]
    public void Different_seeds_give_different_paths()
    {
        var setup = Setup([Example2Usage], 20, [new KernelPeriod(0, 12, 1200, 0, default)], new LedgerTerms(0.2, 0, 0, 0), paths: 100, seed: 7);
        var a = MonteCarlo.Run(setup);
        var b = MonteCarlo.Run(setup with { Seed = 8 });
        Assert.NotEqual(a.AfterLevers, b.AfterLevers);
    }

    [Fact]
    public void Joint_shocks_have_the_requested_correlation_across_series()
    {
        foreach (var rho in new[] { 0.0, 0.6 })
        {
            var setup = Setup([[1000.0], [1000.0]], 10, [], new LedgerTerms(0.2, 0, 0, 0), paths: 20_000, rho: rho);
            // Read each series' month-0 draw back out through a one-series run of the same seed is not possible,
            // so compare the variance of the sum: Var(X + Y) = 2σ²(1 + ρ).
            var r = MonteCarlo.Run(setup);
            var totals = r.Month(r.Baseline, 0);
            var mean = totals.Average();
            var variance = totals.Sum(x => (x - mean) * (x - mean)) / (totals.Length - 1);
            Assert.Equal(1 + rho, variance / (2 * 100), 1);
        }
    }

    [Fact]
    public void Levers_lower_the_after_lever_dollars_and_the_waterfall_is_ordered()
    {
        var plan = new LeverPlan([new BatchLever("b", Jan, 0, null, UncertainRange.Point(0.4m))]);
        var r = MonteCarlo.Run(Setup([Example2Usage], 0, [new KernelPeriod(0, 12, 1200, 0, default)], new LedgerTerms(0.2, 0, 0, 0), plan: plan));
        // 40 % moves to batch at half price: 20 % less list dollars every month.
        Assert.Equal(Example2Usage.Sum() * 0.8, r.WaterfallMean(3), 9);
        Assert.Equal(Example2Usage.Sum(), r.WaterfallMean(2), 9);
        Assert.Equal(Example2Usage[5] * 0.8, r.AfterLevers[5], 9);
        Assert.Equal(Example2Usage[5], r.Baseline[5], 9);
    }

    [Fact]
    public void An_innovation_scale_widens_the_spread_of_the_bill_around_the_same_centre()
    {
        KernelPeriod[] periods = [new KernelPeriod(0, 12, 1200, 0, default)];
        var terms = new LedgerTerms(0.2, 0, 0, 0);
        var plain = MonteCarlo.Run(Setup([Example2Usage], 0.05, periods, terms, paths: 2000));
        var wide = MonteCarlo.Run(Setup([Example2Usage], 0.05, periods, terms, paths: 2000) with { InnovationScale = 2.0 });
        static double Spread(double[] x) { var q = SimulationResult.Quantiles(x, [0.1, 0.9]); return q[1] - q[0]; }
        Assert.True(Spread(wide.Bill) > 1.6 * Spread(plain.Bill), $"{Spread(wide.Bill)} vs {Spread(plain.Bill)}");
        Assert.InRange(wide.Bill.Average() / plain.Bill.Average(), 0.97, 1.03);
    }

    [Fact]
    public void A_given_future_path_replaces_the_forecast()
    {
        var setup = Setup([Example2Usage], 50, [new KernelPeriod(0, 12, 1200, 0, default)], new LedgerTerms(0.2, 0, 0, 0)) with { FixedPath = Example2Usage };
        var r = MonteCarlo.Run(setup);
        Assert.Equal(1, r.Paths);
        Assert.Equal(1713.00, r.Bill[0], 9);
    }

    [Fact]
    public void The_cost_of_doing_nothing_excludes_periods_closed_before_the_as_of_month()
    {
        // Three yearly periods of 1,200 at 20 %; year 1 (closed) used only 600 list → 720 shortfall, sunk.
        var contract = new Contract("c", Jan, [new CommitmentPeriod(12, new Usd(1200m)), new CommitmentPeriod(12, new Usd(1200m)), new CommitmentPeriod(12, new Usd(1200m))],
            0.2m, 0m, CarryoverRule.None, BillingMode.Arrears, false);
        var actual = Enumerable.Range(0, 15).ToDictionary(i => Jan.AddMonths(i), i => new Usd(i < 12 ? 50m : 125m));
        var first = Jan.AddMonths(15);
        var window = LedgerKernel.From(contract, first, actual);
        Assert.Equal(2, window.Periods.Length);
        Assert.Equal(1, window.FirstPeriodIndex);
        var terms = new LedgerTerms(0.2, 0, 0, 0);
        Assert.Equal(new KernelPeriod(-3, 12, 1200, 375, terms), window.Periods[0]);
        Assert.Equal(new KernelPeriod(9, 12, 1200, 0, terms), window.Periods[1]);

        var setup = Setup([Enumerable.Repeat(125.0, 21).ToArray()], 0, [.. window.Periods], terms, paths: 3) with { First = first };
        var r = MonteCarlo.Run(setup);
        // Years 2 and 3 each use 1,500 list = 1,200 at committed rates: no premium, nothing forfeited.
        Assert.All(r.CostOfDoingNothing(), c => Assert.Equal(0, c, 9));
        Assert.All(r.Bill, b => Assert.Equal(2400, b, 9));
    }

    [Fact]
    public void The_path_generator_matches_the_xoshiro256_reference_and_is_keyed_by_seed_and_path()
    {
        var g = Recommit.Simulation.Internals.PathRandom.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, g.NextUInt64());
        Assert.Equal(0UL, g.NextUInt64());
        Assert.Equal(1509978240UL, g.NextUInt64());
        var a = new Recommit.Simulation.Internals.PathRandom(1, 5);
        var b = new Recommit.Simulation.Internals.PathRandom(1, 5);
        var c = new Recommit.Simulation.Internals.PathRandom(1, 6);
        var x = a.NextUInt64();
        Assert.Equal(x, b.NextUInt64());
        Assert.NotEqual(x, c.NextUInt64());
    }
}
