using Recommit.Contracts;
using Recommit.Money;
using Recommit.Negotiation;
using static Recommit.Tests.Contracts.TestContracts;
using static Recommit.Tests.Negotiation.Deals;

namespace Recommit.Tests.Negotiation;

public class ValuationTests
{
    private static Usd Cents(decimal value) => new(value);

    [Fact]
    public void Example_5_values_both_sides_exactly()
    {
        var r = Valuation.Run(Example5(), [Example5Package]);

        Assert.Equal(Cents(5100.00m), r.StatusQuo.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(3855.00m), r.StatusQuo.VendorValue.Mean.RoundedToCents);
        var p = r.Packages[0];
        Assert.Equal(Cents(4500.00m), p.Value.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(4475.00m), p.Value.VendorValue.Mean.RoundedToCents);
        Assert.Equal(Cents(600.00m), p.BuyerSaving.RoundedToCents);
        Assert.Equal(Cents(620.00m), p.VendorGain.RoundedToCents);
        Assert.True(p.MutualGain);
        Assert.Equal(0.0, p.ProbabilityWorseOff);
    }

    [Fact]
    public void Example_6_closes_the_stub_at_t0_and_values_both_sides_exactly()
    {
        var r = Valuation.Run(Example6(), [Example6Package]);

        Assert.Equal(Month7.AddMonths(-6), r.From);
        Assert.Equal(Month7.AddMonths(23), r.Horizon);
        Assert.Equal(Cents(5160.00m), r.StatusQuo.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(4362.00m), r.StatusQuo.VendorValue.Mean.RoundedToCents);
        var p = r.Packages[0];
        Assert.Equal(Cents(4650.00m), p.Value.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(4537.50m), p.Value.VendorValue.Mean.RoundedToCents);
        Assert.Equal(Cents(510.00m), p.BuyerSaving.RoundedToCents);
        Assert.Equal(Cents(175.50m), p.VendorGain.RoundedToCents);
        Assert.True(p.MutualGain);
    }

    [Fact]
    public void The_stub_bills_the_pro_rata_commitment_and_its_overage_at_the_old_terms()
    {
        var kernel = LedgerKernel.Replacing(Annual(2, 1200m, 0.20m), Example6Package.Terms, Month7, Flat(Jan2026, 6, 200m));
        var periods = new KernelPeriodResult[3];

        kernel.Run([.. Enumerable.Repeat(200.0, 24)], periods);

        Assert.Equal(-6, kernel.Periods[0].FirstMonthOffset);
        Assert.Equal(600.0, kernel.Periods[0].Commitment, 9);
        Assert.Equal(450.0, periods[0].OverageBilled, 9);
        Assert.Equal(1050.0, periods[0].Bill, 9);
    }

    [Fact]
    public void A_package_identical_to_the_status_quo_has_zero_saving_and_zero_gain_on_every_path()
    {
        var random = new Random(5);
        double[][] paths = [.. Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 12).Select(_ => 60 + random.NextDouble() * 80).ToArray())];
        // The status quo's remaining year as a package from year 2: same commitment, terms and after-term discount.
        var same = Package(Year2, 1200m, 0.20m, 0m, years: 1);

        var r = Valuation.Run(Example5(paths), [same]);

        var p = r.Packages[0];
        Assert.Equal(Usd.Zero, p.BuyerSaving.RoundedToCents);
        Assert.Equal(Usd.Zero, p.VendorGain.RoundedToCents);
        Assert.Equal(0.0, p.ProbabilityWorseOff);
        Assert.False(p.MutualGain);
        Assert.Equal(r.StatusQuo, p.Value);
    }

    [Fact]
    public void Common_random_numbers_the_status_quo_is_the_same_whichever_packages_are_valued_beside_it()
    {
        var random = new Random(9);
        double[][] paths = [.. Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 24).Select(_ => 150 + random.NextDouble() * 200).ToArray())];
        var moves = NegotiationAssumptions.Default with { PriceMoves = [new PriceMove(2027, 0.5m, 0.10m)] };
        var setup = Example5(paths) with { Assumptions = moves };

        var alone = Valuation.Run(setup, []);
        var beside = Valuation.Run(setup, [Example5Package, Package(Year2, 3000m, 0.28m, 0.1m, name: "Q")]);

        Assert.Equal(alone.StatusQuo, beside.StatusQuo);
    }

    [Fact]
    public void Price_protection_withholds_an_increase_and_passes_a_cut()
    {
        // A certain +50 % list-price move in 2027: protected, the package's usage stays at 3,000 list a year; a certain
        // −50 % cut reaches it either way.
        var up = NegotiationAssumptions.Default with { PriceMoves = [new PriceMove(2027, 1m, 0.5m)] };
        var down = NegotiationAssumptions.Default with { PriceMoves = [new PriceMove(2027, 1m, -0.5m)] };
        var open = Package(Year2, 2200m, 0.25m, 0.25m, years: 1, name: "open");
        var guarded = Package(Year2, 2200m, 0.25m, 0.25m, years: 1, name: "protected", protection: true);
        double[] flat = [.. Enumerable.Repeat(250.0, 12)];

        var rise = Valuation.Run(Example5(flat) with { Assumptions = up }, [open, guarded]);
        var cut = Valuation.Run(Example5(flat) with { Assumptions = down }, [open, guarded]);

        // Unprotected: 4,500 list → capacity 2,933.33, overage 1,566.67 at 75 % = 1,175 + 2,200.
        Assert.Equal(Cents(3375.00m), rise.Packages[0].Value.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(2250.00m), rise.Packages[1].Value.BuyerCost.Mean.RoundedToCents);
        // A cut to 1,500 list leaves both under the commitment: 2,200 billed, 1,075 forfeited.
        Assert.Equal(Cents(2200.00m), cut.Packages[0].Value.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(2200.00m), cut.Packages[1].Value.BuyerCost.Mean.RoundedToCents);
    }

    /// <summary>
    /// As-of 2026-07 on Example 6's old contract (1,200 a year at 20 % from 2026-01, overage at list), 200 list a month; the
    /// package starts at t0 = 2027-07: one year of 1,800 at 25 %, overage at 25 %. Window 2026-01 to 2028-06.
    /// </summary>
    private static (NegotiationSetup Setup, Package Package) LaterT0(NegotiationAssumptions assumptions, bool protection = false) =>
        (Example6() with { Assumptions = assumptions }, Package(Month7.AddMonths(12), 1800m, 0.25m, 0.25m, years: 1, name: "t0 2027-07", protection: protection));

    [Fact]
    public void Price_protection_starts_at_t0_a_rise_before_it_is_in_the_price_signed_and_one_after_it_is_withheld()
    {
        // Certain moves: +50 % from 2027-01 (before t0) and +100 % from 2028-01 (inside the protected term).
        var moves = NegotiationAssumptions.Default with { PriceMoves = [new PriceMove(2027, 1m, 0.5m), new PriceMove(2028, 1m, 1.0m)] };
        var (setup, package) = LaterT0(moves, protection: true);

        var r = Valuation.Run(setup, [package]);

        // 2026: 2,400 list against capacity 1,500 → 1,200 + 900 = 2,100. Stub 2027-01..06 (not protected): 6 × 300 = 1,800
        // list against 600 / 0.8 = 750 → 600 + 1,050 = 1,650. Package: 12 × 300 = 3,600 list (the 2027 rise is in the
        // price at t0; the 2028 one is withheld) against 2,400 → 1,800 + 1,200 × 0.75 = 2,700. B = 6,450.00.
        Assert.Equal(Cents(6450.00m), r.Packages[0].Value.BuyerCost.Mean.RoundedToCents);
    }

    [Fact]
    public void Load_stress_starts_at_t0_for_the_package_and_the_status_quo_beside_it()
    {
        var (setup, package) = LaterT0(NegotiationAssumptions.Default);

        var r = Valuation.Run(setup, [package], stressed: true);

        // Usage 200 before t0 and 160 from 2027-07. Package: 2026 bills 2,100; the stub 2027-01..06 1,200 list against 750 →
        // 600 + 450 = 1,050; the package 1,920 list under its 2,400 capacity → 1,800. B = 4,950.00.
        Assert.Equal(Cents(4950.00m), r.Packages[0].Value.BuyerCost.Mean.RoundedToCents);
        // Status quo from the same t0: 2,100; 2027 2,160 list → 1,200 + 660 = 1,860; after the term 6 × 160 × 0.8 = 768.
        Assert.Equal(Cents(4728.00m), r.StatusQuo.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(-222.00m), r.Packages[0].BuyerSaving.RoundedToCents);
    }

    [Fact]
    public void Under_stress_packages_with_different_t0s_are_each_compared_with_the_status_quo_cut_from_their_own_t0()
    {
        var (setup, later) = LaterT0(NegotiationAssumptions.Default);
        var now = Example6Package;

        var both = Valuation.Run(setup, [now, later], stressed: true);
        var alone = Valuation.Run(setup, [later], stressed: true);

        // The later package's figures do not depend on the earlier one valued beside it; the status quo reported is cut from
        // the earliest t0 (the as-of month here).
        Assert.Equal(alone.Packages[0].BuyerSaving, both.Packages[1].BuyerSaving);
        Assert.Equal(alone.Packages[0].VendorGain, both.Packages[1].VendorGain);
        Assert.Equal(Valuation.Run(setup, [now], stressed: true).StatusQuo, both.StatusQuo);
    }

    [Fact]
    public void A_workload_given_in_dollars_gets_tokens_by_kind_at_the_accounts_own_mix()
    {
        var c = new Consolidation(Year2, 1, [new ConsolidatedFamily("sonnet", new Usd(50m)), new ConsolidatedFamily("opus", new Usd(10m))], new Usd(45m));

        // The account used 3,000 input, 1,000 output and 7 cache-read tokens of Sonnet for 200 list dollars: a quarter of it here.
        var estimated = c.WithTokensAt(f => f == "sonnet" ? (new ConsolidatedTokens(3_000, 1_000, 0, 7), 200m) : null);

        var sonnet = estimated.Families[0];
        Assert.Equal(new ConsolidatedTokens(750, 250, 0, 2), sonnet.MonthlyTokens); // 1.75 rounds half away from zero to 2
        Assert.Equal("account-mix", sonnet.TokensFrom);
        Assert.Null(estimated.Families[1].MonthlyTokens); // the account does not use Opus
        Assert.Equal(new Usd(60m), estimated.MonthlyListUsd);
        Assert.Contains("sonnet: $50.00 list ≈ 750 input, 250 output, 2 cache-read tokens at the account's own sonnet mix; opus: $10.00 list", estimated.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidation_is_a_cost_elsewhere_in_the_status_quo_and_ledger_usage_in_the_package()
    {
        var consolidation = new Consolidation(Year2, 1, [new ConsolidatedFamily("sonnet", new Usd(50m))], new Usd(45m));
        var plain = Example5Package;
        var moving = plain with { Terms = plain.Terms with { Name = "moving" }, Consolidation = consolidation };

        var r = Valuation.Run(Example5(), [plain, moving]);

        var m = r.Packages[1];
        // The status quo pays 45 a month elsewhere for 24 months.
        Assert.Equal(Cents(1080.00m), m.CostElsewhere.RoundedToCents);
        // The package bills 300 a month list: year 3,600 − capacity 2,933.33 = 666.67 overage at 75 % = 500 + 2,200 a year.
        Assert.Equal(Cents(5400.00m), m.Value.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(5100.00m + 1080.00m - 5400.00m), m.BuyerSaving.RoundedToCents);
        Assert.Contains(m.Flags, f => f.Code == "consolidation");
    }

    [Fact]
    public void Load_stress_cuts_every_path_and_is_marked()
    {
        var r = Valuation.Run(Example5(), [Example5Package], stressed: true);

        Assert.True(r.Stressed);
        // 2,400 list a year: status quo year 2 = 1,200 + 900 overage, year 3 = 1,920; the package bills its 2,200 twice.
        Assert.Equal(Cents(4020.00m), r.StatusQuo.BuyerCost.Mean.RoundedToCents);
        Assert.Equal(Cents(4400.00m), r.Packages[0].Value.BuyerCost.Mean.RoundedToCents);
        Assert.False(r.Packages[0].MutualGain);
    }

    [Fact]
    public void A_hand_written_discount_above_its_band_is_flagged_as_a_concession()
    {
        var r = Valuation.Run(Example5(), [Package(Year2, 2200m, 0.25m, 0.25m)]);

        // 2,200 a year over 24 months: only the 10 % band applies.
        Assert.Equal(0.10m, r.Packages[0].BandDiscount);
        Assert.Contains(r.Packages[0].Flags, f => f.Code == "discount-above-band");
    }

    [Fact]
    public void The_vendor_side_is_measured_committed_share_and_term_revenue()
    {
        var r = Valuation.Run(Example5(), [Example5Package]);

        // Status quo: committed 1,200 of V 3,855; term revenue 2,700. Package: 4,400 of 4,475; 4,500.
        Assert.Equal(1200.0 / 3855.0, r.StatusQuo.Vendor.CommittedShare, 9);
        Assert.Equal(Cents(2700.00m), r.StatusQuo.Vendor.TermRevenue.RoundedToCents);
        Assert.Equal(4400.0 / 4475.0, r.Packages[0].Value.Vendor.CommittedShare, 9);
        Assert.Equal(Cents(4500.00m), r.Packages[0].Value.Vendor.TermRevenue.RoundedToCents);
    }

    [Fact]
    public void Each_element_of_the_best_package_is_valued_for_both_sides_on_the_same_paths()
    {
        var gap = new Recommit.Gap.GapAssessment(Recommit.Gap.GapClass.DurableOverage, "durable-overage", 6, 0.1, [], null, null, null, null, null, "high", null, "");

        var n = Negotiator.Run(Example5(), [Example5Package], [.. Enumerable.Repeat(250.0, 24)], gap);

        Assert.Equal("P", n.Recommendation.Package);
        // Without repricing, each year's 66.67 list overage bills at list (66.67) instead of 50: the buyer pays 33.33 more
        // over two years, and the vendor's uncommitted revenue rises by 33.33 × (1 − h) = 25.
        var repricing = Assert.Single(n.Trades, t => t.Name.StartsWith("overage repriced", StringComparison.Ordinal));
        Assert.Equal("ask", repricing.Kind);
        Assert.Equal(33.33m, repricing.BuyerValue.RoundedToCents.Value);
        Assert.Equal(-25.00m, repricing.VendorValue.RoundedToCents.Value);
        Assert.DoesNotContain(n.Trades, t => t.Name.StartsWith("ramp", StringComparison.Ordinal));
    }

    [Fact]
    public void Price_protection_is_worth_the_withheld_rise_to_the_buyer_and_its_overage_to_the_vendor()
    {
        // Example 5 with a certain +50 % list-price move from 2027-01, the package's whole term.
        var gap = new Recommit.Gap.GapAssessment(Recommit.Gap.GapClass.DurableOverage, "durable-overage", 6, 0.1, [], null, null, null, null, null, "high", null, "");
        var rise = NegotiationAssumptions.Default with { PriceMoves = [new PriceMove(2027, 1m, 0.5m)] };

        var n = Negotiator.Run(Example5() with { Assumptions = rise }, [Example5Package], [.. Enumerable.Repeat(250.0, 24)], gap);

        // Protected, usage stays 3,000 list a year: 2,200 + 66.67 × 0.75 = 2,250 a year, B = 4,500; V = 4,400 + 0.75 × 100 =
        // 4,475. Unprotected, 4,500 list a year: 2,200 + 1,566.67 × 0.75 = 3,375 a year, B = 6,750; V = 4,400 + 0.75 ×
        // 2,350 = 6,162.50. Against the status quo (B = 4,200 + 3,600 = 7,800; V = 1,200 + 0.75 × 3,000 + 0.85 × 0.75 ×
        // 3,600 = 5,745) the unprotected package is a mutual gain, so it is the best acceptable one whose elements are valued.
        Assert.Equal("P", n.Recommendation.Package);
        var protection = Assert.Single(n.Trades, t => t.Name == "price protection");
        Assert.Equal("ask", protection.Kind);
        Assert.Equal(2250.00m, protection.BuyerValue.RoundedToCents.Value);
        Assert.Equal(-1687.50m, protection.VendorValue.RoundedToCents.Value);
    }
}
