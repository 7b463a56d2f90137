using System.Collections.Immutable;
using FsCheck;
using FsCheck.Xunit;
using Recommit.Contracts;
using Recommit.Fees;
using Recommit.Money;
using Recommit.Tests.Negotiation;
using Recommit.Time;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Fees;

/// <summary>Verified savings (docs/method.md §9), with Example 7 exact and the stub, boundary and no-usage cases worked by hand.</summary>
public class VerifiedSavingsTests
{
    private static readonly YearMonth Month7 = Deals.Month7;

    /// <summary>Example 6's old contract: two years from month 1 at 1,200 a year, 20 % off, overage at list.</summary>
    private static Contract Old => Annual(2, 1200m, 0.20m);

    /// <summary>Example 6's package signed for month 7, optionally with its own carryover rule.</summary>
    private static Contract Package(CarryoverRule? carryover = null) => Deals.Package(Month7, 1800m, 0.25m, 0.25m, carryover: carryover).Terms;

    /// <summary>Example 7's actual usage: 200 a month for months 1–6, then 220 a month to month 31.</summary>
    private static IReadOnlyDictionary<YearMonth, Usd> Example7Usage =>
        UsageFrom(Jan2026, [.. Enumerable.Repeat(200m, 6), .. Enumerable.Repeat(220m, 25)]);

    private static Usd Sum(SavingsStatement s, Func<SavingsMonth, Usd> figure, int fromMonth, int toMonth) =>
        s.Months.Where(m => m.Month >= Jan2026.AddMonths(fromMonth - 1) && m.Month <= Jan2026.AddMonths(toMonth - 1))
            .Aggregate(Usd.Zero, (sum, m) => sum + figure(m));

    [Fact]
    public void Example_7_a_12_month_window_saves_minus_210_and_pays_no_fee()
    {
        var s = VerifiedSavings.Compute(Old, Package(), Example7Usage, Month7, Jan2026.AddMonths(17), 0.25m);

        Assert.Equal(12, s.Months.Length);
        Assert.Equal(Dollars(2220.00m), s.OldTotal);
        Assert.Equal(Dollars(2430.00m), s.NewTotal);
        Assert.Equal(Dollars(-210.00m), s.Savings);
        Assert.Equal(Dollars(-210.00m), s.Months[^1].Cumulative);
        Assert.Equal(Usd.Zero, s.Fee);
        Assert.Equal(Usd.Zero, s.Months[^1].Fee);
    }

    [Fact]
    public void Example_7_a_24_month_window_saves_606_and_pays_the_share_of_it()
    {
        var s = VerifiedSavings.Compute(Old, Package(), Example7Usage, Month7, Jan2026.AddMonths(29), 0.25m);

        // Months 19–30: old 600 pace + 1,140 overage + 6 × 220 × 0.8 after the term = 2,796; new 1,980; saving 816.
        Assert.Equal(Dollars(2796.00m), Sum(s, m => m.OldBill, 19, 30));
        Assert.Equal(Dollars(1980.00m), Sum(s, m => m.NewBill, 19, 30));
        Assert.Equal(Dollars(816.00m), Sum(s, m => m.Savings, 19, 30));
        Assert.Equal(Dollars(606.00m), s.Savings);
        Assert.Equal(Dollars(151.50m), s.Fee);   // 25 % of 606
        Assert.Equal(s.Fee, s.Months[^1].Fee);
    }

    [Fact]
    public void The_signing_month_carries_the_stub_true_up()
    {
        var s = VerifiedSavings.Compute(Old, Package(), Example7Usage, Month7, Jan2026.AddMonths(17), 0.25m);

        // Stub: 6 months, commitment 600, usage 1,200 list against capacity 750: overage 450 at list, none recognised before.
        Assert.Equal(Dollars(450m), s.StubTrueUp);
        Assert.Equal(Usd.Zero, s.StubCarryOut);
        Assert.Equal(Dollars(100m), s.Months[0].OldBill);          // pace 1,200 / 12; cumulative 1,420 < 1,500
        Assert.Equal(Dollars(150m + 450m), s.Months[0].NewBill);   // pace 1,800 / 12 plus the stub's overage
        Assert.Equal(Dollars(-500m), s.Months[0].Savings);
    }

    [Fact]
    public void Old_overage_is_recognised_in_the_month_cumulative_usage_passes_capacity()
    {
        var s = VerifiedSavings.Compute(Old, Package(), Example7Usage, Month7, Jan2026.AddMonths(17), 0m);

        // Month 8: year-1 usage 1,640 passes 1,500 → 140 at list; then 220 a month to month 12 (1,020 in all).
        Assert.Equal(Dollars(100m + 140m), s.Months[1].OldBill);
        Assert.Equal(Dollars(1620m), Sum(s, m => m.OldBill, 7, 12));
        // The package's capacity 2,400 is passed in month 17 (cumulative 2,420): 20 list × 0.75, then 220 × 0.75.
        Assert.Equal(Dollars(150m + 15m), s.Months[10].NewBill);
        Assert.Equal(Dollars(150m + 165m), s.Months[11].NewBill);
    }

    [Fact]
    public void Months_before_signing_bill_the_same_under_both_and_save_nothing()
    {
        var s = VerifiedSavings.Compute(Old, Package(), Example7Usage, Jan2026, Jan2026.AddMonths(17), 0.25m);

        Assert.All(s.Months.Take(6), m => Assert.Equal((m.OldBill, Usd.Zero), (m.NewBill, m.Savings)));
        // Months 7–12: old 1,620; new 450 + 6 × 150 = 1,350; saving 270. Months 13–18: old 600, new 900 + 180: −480.
        Assert.Equal(Dollars(270m), Sum(s, m => m.Savings, 7, 12));
        Assert.Equal(Dollars(-480m), Sum(s, m => m.Savings, 13, 18));
        Assert.Equal(Dollars(-210m), s.Savings);
    }

    [Fact]
    public void After_both_terms_each_contract_bills_usage_at_its_own_discount()
    {
        var s = VerifiedSavings.Compute(Old, Package(), Example7Usage, Jan2026.AddMonths(30), Jan2026.AddMonths(30), 0.25m);

        // Month 31: old 220 × 0.8 = 176, new 220 × 0.75 = 165.
        Assert.Equal((Dollars(176m), Dollars(165m), Dollars(11m)), (s.Months[0].OldBill, s.Months[0].NewBill, s.Months[0].Savings));
    }

    [Fact]
    public void A_window_with_no_usage_saves_the_difference_in_pace_and_pays_nothing()
    {
        var none = ImmutableSortedDictionary<YearMonth, Usd>.Empty;

        var s = VerifiedSavings.Compute(Old, Package(new CarryoverRule(1m, 0.5m)), none, Month7, Jan2026.AddMonths(17), 0.25m);

        // No usage: each month old 100, new 150. The stub (commitment 600, nothing used) has no overage; its shortfall
        // carries min(600, 0.5 × 600) = 300 into the package under the package's rule, which no usage ever draws on.
        Assert.All(s.Months, m => Assert.Equal((Dollars(100m), Dollars(150m), Dollars(-50m)), (m.OldBill, m.NewBill, m.Savings)));
        Assert.Equal((Usd.Zero, Dollars(300m)), (s.StubTrueUp, s.StubCarryOut));
        Assert.Equal(Dollars(-600m), s.Savings);
        Assert.Equal(Usd.Zero, s.Fee);
    }

    [Fact]
    public void A_new_contract_starting_on_a_period_boundary_has_no_stub()
    {
        // Old: 1,200 a year at 20 %, overage at list; usage 200 a month. New from month 13: one year of 1,500 at 25 %,
        // overage at 25 % (capacity 2,000). Year 2: old 1,200 + (2,400 − 1,500) = 2,100; new 1,500 + 400 × 0.75 = 1,800.
        var renewal = Annual(1, 1500m, 0.25m, 0.25m) with { Start = Jan2026.AddMonths(12) };

        var s = VerifiedSavings.Compute(Old, renewal, Flat(Jan2026, 24, 200m), Jan2026.AddMonths(12), Jan2026.AddMonths(23), 0.2m);

        Assert.Equal((Usd.Zero, Usd.Zero), (s.StubTrueUp, s.StubCarryOut));
        Assert.Equal((Dollars(2100m), Dollars(1800m), Dollars(300m)), (s.OldTotal, s.NewTotal, s.Savings));
        Assert.Equal(Dollars(100m), s.Months[6].OldBill);          // month 19: year-2 cumulative 1,400 < 1,500
        Assert.Equal(Dollars(100m + 100m), s.Months[7].OldBill);   // month 20: 1,600 passes 1,500 → 100 at list
        Assert.Equal(Dollars(125m + 150m), s.Months[10].NewBill);  // month 23: cumulative 2,200 passes 2,000 → 200 × 0.75
        Assert.Equal(Dollars(60m), s.Fee);
    }

    [Fact]
    public void A_stub_after_overage_already_recognised_bills_only_the_rest()
    {
        // Usage 400 a month: the old year passes its 1,500 capacity in month 4 (1,600), recognising 100 then 400 in month 5
        // and 400 in month 6: 900 by signing. The 6-month stub (capacity 750) owes 2,400 − 750 = 1,650: 750 more in month 7.
        var s = VerifiedSavings.Compute(Old, Package(), Flat(Jan2026, 12, 400m), Month7, Month7, 0m);

        Assert.Equal(Dollars(750m), s.StubTrueUp);
        Assert.Equal(Dollars(150m + 750m), s.Months[0].NewBill);
    }

    [Property(MaxTest = 200)]
    public void Monthly_accrual_over_the_stub_and_the_new_term_adds_up_to_the_closed_bills(
        NonNegativeInt[] usageCents, PositiveInt signedAfter, byte dPct, byte rPct)
    {
        // Signed inside the old contract's first year: from its start to the end of the new term, the new side's monthly
        // bills sum to the stub's bill plus the new contract's period bills (docs/method.md §7 and §9).
        var elapsed = signedAfter.Get % 11 + 1;
        var d = dPct % 50 / 100m;
        var carry = new CarryoverRule(rPct % 101 / 100m, 0.5m);
        var package = Annual(2, 900m, d, d / 2, carry) with { Start = Jan2026.AddMonths(elapsed) };
        var usage = UsageFrom(Jan2026, [.. Enumerable.Range(0, elapsed + 24).Select(i =>
            usageCents.Length == 0 ? 0m : usageCents[i % usageCents.Length].Get % 50_000 / 100m)]);
        var last = package.End.AddMonths(-1);

        var s = VerifiedSavings.Compute(Old, package, usage, Jan2026, last, 0.3m);

        var stub = Ledger.CloseStub(Old, package.Start, usage, carry)!;
        var newPeriods = Ledger.Run(package, usage, last, stub.CarryOut).Periods.Aggregate(Usd.Zero, (sum, p) => sum + p.Bill);
        Assert.Equal(stub.Bill + newPeriods, s.NewTotal);
        Assert.Equal(s.OldTotal - s.NewTotal, s.Months[^1].Cumulative);
        Assert.All(s.Months, m => Assert.Equal(Gainshare.Fee(0.3m, m.Cumulative), m.Fee));
    }
}
