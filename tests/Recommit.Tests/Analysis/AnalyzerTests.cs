using Recommit.Analysis;
using Recommit.Analysis.Notes;
using Recommit.Contracts;
using Recommit.Gap;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Tests.Analysis;

/// <summary>
/// End-to-end analyses with the real price book, ledger and forecaster. These pass once the pricing, ledger and
/// forecasting branches are merged (their APIs are stubs in the simulation branch).
/// </summary>
public class AnalyzerTests
{
    private static readonly YearMonth Jan2025 = new(2025, 1);

    // docs/method.md §3's example as an account: Haiku 4.5 uncached input at $1/MTok, so a month of list dollars L is
    // L × 10^6 tokens; C = 1.2M a year at 20 % off: pace 100k a month at committed rates.
    private static readonly decimal[] ListK = [110, 118, 125, 140, 150, 160, 170, 185, 195, 210];

    private static string Haiku => PriceBook.Default.Resolve("claude-haiku-4-5-20251001").Value;

    private static UsageCube Cube(IEnumerable<decimal> listK, string? model = null)
    {
        var b = new UsageCubeBuilder();
        var i = 0;
        foreach (var k in listK)
        {
            var m = Jan2025.AddMonths(i++);
            // Spread over two days so the cube has more than one cell a month.
            var tokens = (long)(k * 1_000m * 1_000_000m);
            b.Add(UsageKey.Of(m.FirstDay, model ?? Haiku, TokenKind.UncachedInput), tokens / 2);
            b.Add(UsageKey.Of(m.LastDay, model ?? Haiku, TokenKind.UncachedInput), tokens - tokens / 2);
        }
        return b.Build();
    }

    private static Contract TwoYears(CarryoverRule? carry = null) => new("MSA", Jan2025,
        [new CommitmentPeriod(12, new Usd(1_200_000m)), new CommitmentPeriod(12, new Usd(1_200_000m))],
        0.20m, 0m, carry ?? CarryoverRule.None, BillingMode.Arrears, false);

    private static AnalysisInput Input(UsageCube cube, int paths = 2_000) =>
        new(TwoYears(), PriceBook.Default) { Account = "Acme", Usage = cube, Paths = paths, Seed = 11 };

    [Fact]
    public void A_steadily_growing_account_is_a_durable_overage_with_a_cost_of_doing_nothing()
    {
        var r = Analyzer.Run(Input(Cube(ListK)));
        Assert.Equal(new DateOnly(2025, 11, 1), r.AsOf);
        Assert.Equal(GapClass.DurableOverage, r.Gap.Class);
        Assert.Equal(7, r.Gap.RunLength);
        Assert.Equal(10, r.Gap.Months.Length);
        Assert.Equal(new YearMonth(2025, 11), r.Simulation.From);
        Assert.Equal(new YearMonth(2028, 12), r.Simulation.Horizon); // end of the term (2026-12) + one more term
        Assert.Equal(10 + 38, r.Forecast.Months.Length);
        Assert.Equal(new Usd(110_000m), r.Forecast.Months[0].Actual);
        Assert.True(r.Simulation.ProbabilityAnyOverage > 0.5);
        Assert.True(r.CostOfDoingNothing.Mean > Usd.Zero);
        Assert.Equal((r.CostOfDoingNothing.OveragePremium.Mean + r.CostOfDoingNothing.Forfeited.Mean).RoundedToCents.Value,
            r.CostOfDoingNothing.Mean.RoundedToCents.Value, 1);
        Assert.Equal(21, r.CostOfDoingNothing.Percentiles.Length);
        Assert.True(r.CostOfDoingNothing.Percentiles.SequenceEqual(r.CostOfDoingNothing.Percentiles.Order()));
        Assert.Equal(r.Levers.Baseline, r.Levers.AfterBatch); // no levers
        Assert.Equal(new YearMonth(2026, 12), r.Levers.To);
        Assert.Single(r.Usage);
        Assert.NotNull(r.Backtest);
    }

    [Fact]
    public void Reproducible_the_same_seed_gives_the_same_analysis()
    {
        var a = Analyzer.Run(Input(Cube(ListK), paths: 500));
        var b = Analyzer.Run(Input(Cube(ListK), paths: 500));
        Assert.Equal(a.CostOfDoingNothing.Percentiles.ToArray(), b.CostOfDoingNothing.Percentiles.ToArray());
        Assert.Equal(a.Simulation, b.Simulation);
        Assert.Equal(a.Forecast.Months.ToArray(), b.Forecast.Months.ToArray());
        var c = Analyzer.Run(Input(Cube(ListK), paths: 500) with { Seed = 12 });
        Assert.NotEqual(a.CostOfDoingNothing.Percentiles.ToArray(), c.CostOfDoingNothing.Percentiles.ToArray());
    }

    [Fact]
    public void A_given_future_path_is_valued_exactly_through_the_status_quo_ledger()
    {
        // 2025: 1,563k used to October + 2 × 100k = 1,763k list; K = 1,500k → 263k overage, premium 52.6k.
        // 2026: 1,200k list = 960k consumed → 240k forfeited (no carryover). CODN = 292.6k.
        var input = Input(Cube(ListK)) with { Future = [.. Enumerable.Repeat(new Usd(100_000m), 38)] };
        var r = Analyzer.Run(input);
        Assert.Equal(1, r.Simulation.Paths);
        Assert.Equal(292_600.00m, r.CostOfDoingNothing.Mean.RoundedToCents.Value);
        Assert.Equal(52_600.00m, r.CostOfDoingNothing.OveragePremium.Mean.RoundedToCents.Value);
        Assert.Equal(240_000.00m, r.CostOfDoingNothing.Forfeited.Mean.RoundedToCents.Value);
        Assert.Equal(1_200_000m + 263_000m + 1_200_000m, r.Simulation.TotalBill.Mean.RoundedToCents.Value);
        Assert.Equal(1.0, r.Simulation.ProbabilityAnyOverage);
        Assert.Equal(1.0, r.Simulation.ProbabilityAnyShortfall);
        Assert.Equal(1_400_000.00m, r.Levers.Baseline.RoundedToCents.Value);
        // A path to the end of the term is enough; a shorter one is an input error.
        Assert.Equal(new YearMonth(2026, 12), Analyzer.Run(input with { Future = [.. Enumerable.Repeat(new Usd(100_000m), 14)] }).Simulation.Horizon);
        Assert.Throws<AnalysisException>(() => Analyzer.Run(input with { Future = [.. Enumerable.Repeat(new Usd(100_000m), 13)] }));
    }

    [Fact]
    public void A_batch_lever_at_full_strength_takes_fifteen_percent_off_standard_traffic()
    {
        var plan = new LeverPlan([new BatchLever("batch", new YearMonth(2025, 11), 0, null, UncertainRange.Point(0.3m))]);
        var r = Analyzer.Run(Input(Cube(ListK), paths: 500) with { Levers = plan });
        Assert.Equal(r.Levers.Baseline, r.Levers.AfterCaching);
        Assert.Equal((double)(r.Levers.Baseline.Value * 0.85m), (double)r.Levers.AfterBatch.Value, 6);
        var last = r.Forecast.Months[^1];
        Assert.Equal((double)(last.BaselineP50.Value * 0.85m), (double)last.AfterLeversP50.Value, 6);
    }

    [Fact]
    public void A_lever_routing_to_an_unknown_model_is_an_input_error()
    {
        var plan = new LeverPlan([new RoutingLever("r", new YearMonth(2025, 11), 0, "claude-haiku-4-5-20251001", "claude-nonesuch-9", UncertainRange.Point(0.3m), null)]);
        var e = Assert.Throws<LeverException>(() => Analyzer.Run(Input(Cube(ListK), paths: 100) with { Levers = plan }));
        Assert.Contains("levers[0].to", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spend_only_account_says_its_figures_rest_on_an_assumed_token_mix()
    {
        var spend = new SpendTable([.. ListK.Select((k, i) => new SpendRow(Jan2025.AddMonths(i), "haiku", new Usd(k * 1000m)))]);
        var r = Analyzer.Run(new AnalysisInput(TwoYears(), PriceBook.Default) { Spend = spend, Paths = 300 });
        Assert.True(r.Levers.AssumedTokenMix);
        Assert.Equal(new AssumedTokenMixNote(DefaultMix: true), r.Forecast.Warnings[0]);
        Assert.Equal(new AssumedTokenMixNote(DefaultMix: true), r.Notes[0]);
        Assert.Equal(new Usd(110_000m), r.Forecast.Months[0].Actual);
        Assert.Equal(GapClass.DurableOverage, r.Gap.Class);
    }

    [Fact]
    public void An_as_of_date_before_any_full_month_is_an_input_error()
    {
        var e = Assert.Throws<AnalysisException>(() => Analyzer.Run(Input(Cube(ListK)) with { AsOf = new DateOnly(2025, 1, 10) }));
        Assert.Contains("no full month", e.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void A_fit_cache_gives_the_same_analysis_and_a_re_run_with_other_paths_fits_nothing_again()
    {
        var fits = new Recommit.Forecasting.FitCache();
        var plain = Analyzer.Run(Input(Cube(ListK), paths: 400));
        var first = Analyzer.Run(Input(Cube(ListK), paths: 400) with { Fits = fits });
        Assert.Equal(0, fits.Hits);
        var again = Analyzer.Run(Input(Cube(ListK), paths: 400) with { Fits = fits });
        Assert.True(fits.Hits >= 2, $"expected the forecast and the backtest from the cache, found {fits.Hits} hit(s)");
        foreach (var r in new[] { first, again })
        {
            Assert.Equal(plain.CostOfDoingNothing, r.CostOfDoingNothing with { Percentiles = plain.CostOfDoingNothing.Percentiles });
            Assert.Equal(plain.CostOfDoingNothing.Percentiles.ToArray(), r.CostOfDoingNothing.Percentiles.ToArray());
            Assert.Equal(plain.Forecast.Months.ToArray(), r.Forecast.Months.ToArray());
            Assert.Equal(plain.Backtest, r.Backtest);
        }
        var hits = fits.Hits;
        var other = Analyzer.Run(Input(Cube(ListK), paths: 300) with { Fits = fits, Seed = 5 });
        Assert.True(fits.Hits > hits);
        Assert.Equal(300, other.Simulation.Paths);
    }
}
