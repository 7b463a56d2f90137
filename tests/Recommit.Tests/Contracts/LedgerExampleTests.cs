using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Contracts;

/// <summary>docs/method.md §2, §7 (stub) and §9 (monthly accrual) worked examples, exact in decimal.</summary>
public class LedgerExampleTests
{
    private static readonly decimal[] Example2Usage = [110, 118, 125, 140, 150, 160, 170, 185, 195, 210, 220, 230];

    [Fact]
    public void Example_2_overage_is_billed_at_list_when_overage_discount_is_zero()
    {
        var result = Ledger.Run(Annual(1, 1200m, 0.20m), UsageFrom(Jan2026, Example2Usage));

        var p = Assert.Single(result.Periods);
        Assert.True(p.Closed);
        Assert.Equal(Dollars(2013m), p.ListUsage);
        Assert.Equal(Dollars(1500m), p.Capacity);
        Assert.Equal(Dollars(513m), p.OverageList);
        Assert.Equal(Dollars(513m), p.OverageBilled);
        Assert.Equal(Dollars(1713.00m), p.Bill);
        Assert.Equal(Dollars(102.60m), p.OveragePremium);
        Assert.Equal(Usd.Zero, p.Shortfall);
        Assert.Equal(Usd.Zero, p.Forfeited);
    }

    [Fact]
    public void Example_2_overage_repriced_at_the_committed_rate_costs_no_premium()
    {
        var p = Ledger.Run(Annual(1, 1200m, 0.20m, dO: 0.20m), UsageFrom(Jan2026, Example2Usage)).Periods[0];

        Assert.Equal(Dollars(1610.40m), p.Bill);
        Assert.Equal(Dollars(410.40m), p.OverageBilled);
        Assert.Equal(Usd.Zero, p.OveragePremium);
    }

    [Fact]
    public void Example_2_overage_is_recognised_from_the_month_cumulative_usage_passes_capacity()
    {
        var months = Ledger.Run(Annual(1, 1200m, 0.20m), UsageFrom(Jan2026, Example2Usage)).Months;

        // Cumulative list usage: 1,158 after August, 1,353 after September, 1,563 after October (capacity 1,500).
        Assert.All(months.Take(9), m => Assert.Equal(Usd.Zero, m.OverageList));
        Assert.Equal(Dollars(63m), months[9].OverageList);
        Assert.Equal(Dollars(220m), months[10].OverageList);
        Assert.Equal(Dollars(230m), months[11].OverageList);
        Assert.Equal(Dollars(100m + 63m), months[9].Bill);
        Assert.Equal(Dollars(1713.00m), months.Aggregate(Usd.Zero, (s, m) => s + m.Bill));
        Assert.All(months, m => Assert.Equal(Dollars(100m), m.Pace));
        Assert.Equal(Dollars(1200m), months[11].CumulativePace);
        Assert.Equal(Dollars(2013m * 0.8m), months[11].CumulativeConsumed);
    }

    [Fact]
    public void Example_3_shortfall_carries_out_up_to_the_cap_and_the_rest_is_forfeited()
    {
        var contract = Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var usage = UsageFrom(Jan2026, [.. Enumerable.Repeat(120m, 12), .. Enumerable.Repeat(150m, 12)]);

        var result = Ledger.Run(contract, usage);

        var year1 = result.Periods[0];
        Assert.Equal(Dollars(1080m), year1.ConsumedAtCommittedRates);
        Assert.Equal(Dollars(1320.00m), year1.Shortfall);
        Assert.Equal(Dollars(240.00m), year1.CarryOut);
        Assert.Equal(Dollars(1080.00m), year1.Forfeited);
        Assert.Equal(Dollars(2400m), year1.Bill);
        Assert.Equal(Usd.Zero, year1.OverageList);

        var year2 = result.Periods[1];
        Assert.Equal(Dollars(240m), year2.CarryIn);
        Assert.Equal(Dollars(1350m), year2.ConsumedAtCommittedRates);
        Assert.Equal(Dollars(3520m), year2.Capacity);
        Assert.Equal(Dollars(1290.00m), year2.Shortfall);
        Assert.Equal(Dollars(2400m), year2.Bill);
    }

    [Fact]
    public void A_carry_out_left_at_the_end_of_the_term_is_forfeited()
    {
        var contract = Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var usage = UsageFrom(Jan2026, [.. Enumerable.Repeat(120m, 12), .. Enumerable.Repeat(150m, 12)]);

        var year2 = Ledger.Run(contract, usage).Periods[1];

        Assert.Equal(Dollars(1290.00m), year2.Shortfall);
        Assert.Equal(Usd.Zero, year2.CarryOut);
        Assert.Equal(Dollars(1290.00m), year2.Forfeited);
    }

    [Fact]
    public void A_three_year_term_carries_year_2_shortfall_into_year_3()
    {
        var contract = Annual(3, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var usage = UsageFrom(Jan2026, [.. Enumerable.Repeat(120m, 12), .. Enumerable.Repeat(150m, 12), .. Enumerable.Repeat(150m, 12)]);

        var p = Ledger.Run(contract, usage).Periods;

        Assert.Equal((Dollars(240m), Dollars(1050m)), (p[1].CarryOut, p[1].Forfeited));
        Assert.Equal(Dollars(240m), p[2].CarryIn);
        Assert.Equal(Usd.Zero, p[2].CarryOut);
    }

    [Fact]
    public void Example_6_stub_is_closed_pro_rata_at_the_old_terms()
    {
        var contract = Annual(2, 1200m, 0.20m);
        var usage = Flat(Jan2026, 30, 200m);

        var stub = Ledger.CloseStub(contract, Jan2026.AddMonths(6), usage);

        Assert.NotNull(stub);
        Assert.Equal(Jan2026, stub.Start);
        Assert.Equal(new YearMonth(2026, 6), stub.End);
        Assert.Equal(6, stub.Months);
        Assert.Equal(Dollars(600m), stub.Commitment);
        Assert.Equal(Dollars(1200m), stub.ListUsage);
        Assert.Equal(Dollars(750m), stub.Capacity);
        Assert.Equal(Dollars(450m), stub.OverageBilled);
        Assert.Equal(Dollars(1050.00m), stub.Bill);
    }

    [Fact]
    public void Stub_takes_the_whole_carry_in_and_forfeits_its_shortfall_without_a_package_rule()
    {
        // Year 1 of Example 3 leaves a carry-out of 240; renegotiating after 6 months of year 2 closes a 6-month stub
        // with commitment 1,200, the whole carry-in 240, at 150 list a month: consumed 675, shortfall 765.
        var contract = Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var usage = UsageFrom(Jan2026, [.. Enumerable.Repeat(120m, 12), .. Enumerable.Repeat(150m, 12)]);

        var stub = Ledger.CloseStub(contract, new YearMonth(2027, 7), usage)!;
        var withRule = Ledger.CloseStub(contract, new YearMonth(2027, 7), usage, new CarryoverRule(1m, 0.25m))!;

        Assert.Equal(Dollars(1200m), stub.Commitment);
        Assert.Equal(Dollars(240m), stub.CarryIn);
        Assert.Equal(Dollars(675m), stub.ConsumedAtCommittedRates);
        Assert.Equal(Dollars(765m), stub.Shortfall);
        Assert.Equal(Usd.Zero, stub.CarryOut);
        Assert.Equal(Dollars(765m), stub.Forfeited);
        Assert.Equal(Dollars(1200m), stub.Bill);
        Assert.Equal(Dollars(300m), withRule.CarryOut);
        Assert.Equal(Dollars(465m), withRule.Forfeited);
    }

    [Fact]
    public void No_stub_when_renegotiating_on_a_period_boundary()
    {
        Assert.Null(Ledger.CloseStub(Annual(2, 1200m, 0.20m), new YearMonth(2027, 1), Flat(Jan2026, 24, 200m)));
    }

    [Fact]
    public void Example_7_old_contract_accrues_monthly_with_overage_in_the_month_it_happens()
    {
        // Example 6's old contract, actual usage 200 a month for months 1-6 then 220 a month.
        var contract = Annual(2, 1200m, 0.20m);
        var usage = UsageFrom(Jan2026, [.. Enumerable.Repeat(200m, 6), .. Enumerable.Repeat(220m, 18)]);

        var months = Ledger.Run(contract, usage).Months;
        Usd Sum(int from, int to) => months.Skip(from - 1).Take(to - from + 1).Aggregate(Usd.Zero, (s, m) => s + m.Bill);

        Assert.Equal(Usd.Zero, months[6].OverageList);   // month 7: cumulative 1,420 < 1,500
        Assert.Equal(Dollars(140m), months[7].OverageList);  // month 8: cumulative 1,640 passes 1,500
        Assert.Equal(Dollars(1620m), Sum(7, 12));
        Assert.Equal(Dollars(600m), Sum(13, 18));
        Assert.Equal(Dollars(2220.00m), Sum(7, 18));
        Assert.Equal(Dollars(600m + 1140m), Sum(19, 24));
    }

    [Fact]
    public void A_ramp_of_four_quarterly_periods_is_trued_up_quarter_by_quarter()
    {
        var contract = Periods(0.20m, 0m, new CarryoverRule(0.50m, 0.20m), (3, 100m), (3, 200m), (3, 300m), (3, 400m));
        // Q4 is the last period of the term: any shortfall there would be forfeited, not carried.
        // Quarter list usage: 75 (under), 300 (over), 300 (under), 600 (over).
        var usage = UsageFrom(Jan2026, 25, 25, 25, 100, 100, 100, 100, 100, 100, 200, 200, 200);

        var q = Ledger.Run(contract, usage).Periods;

        Assert.Equal(4, q.Length);
        Assert.All(q, p => Assert.Equal(3, p.Months));
        // Q1: consumed 60, shortfall 40, carry-out min(20, 20) = 20, forfeited 20.
        Assert.Equal((Dollars(40m), Dollars(20m), Dollars(20m), Dollars(100m)), (q[0].Shortfall, q[0].CarryOut, q[0].Forfeited, q[0].Bill));
        // Q2: capacity (200 + 20) / 0.8 = 275; overage 25 at list; bill 225; premium 5.
        Assert.Equal((Dollars(20m), Dollars(275m), Dollars(25m), Dollars(225m), Dollars(5m)), (q[1].CarryIn, q[1].Capacity, q[1].OverageList, q[1].Bill, q[1].OveragePremium));
        Assert.Equal(Usd.Zero, q[1].Shortfall);
        // Q3: no carry-in; consumed 240, shortfall 60, carry-out min(30, 60) = 30.
        Assert.Equal((Usd.Zero, Dollars(60m), Dollars(30m), Dollars(30m)), (q[2].CarryIn, q[2].Shortfall, q[2].CarryOut, q[2].Forfeited));
        // Q4: capacity (400 + 30) / 0.8 = 537.5; overage 62.5; bill 462.5.
        Assert.Equal((Dollars(537.5m), Dollars(62.5m), Dollars(462.5m)), (q[3].Capacity, q[3].OverageList, q[3].Bill));
        var months = Ledger.Run(contract, usage).Months;
        Assert.All(months.Take(3), m => Assert.True(Math.Abs(m.Pace.Value - 100m / 3) < 1e-20m));
        Assert.Equal(Dollars(100m), months[0].Pace + months[1].Pace + months[2].Pace);
        Assert.Equal(Dollars(100m), months[2].CumulativePace);
    }

    [Fact]
    public void The_running_period_shows_its_position_to_date_without_a_shortfall()
    {
        var contract = Annual(2, 1200m, 0.20m, carryover: new CarryoverRule(1m, 0.5m));
        var usage = Flat(Jan2026, 15, 100m);

        var result = Ledger.Run(contract, usage);

        Assert.Equal(2, result.Periods.Length);
        var year1 = result.Periods[0];
        Assert.True(year1.Closed);
        Assert.Equal(Dollars(240m), year1.Shortfall);           // 1,200 − 1,200 × 0.8
        Assert.Equal(Dollars(240m), year1.CarryOut);
        var running = result.Periods[1];
        Assert.False(running.Closed);
        Assert.Equal(3, running.MonthsElapsed);
        Assert.Equal(new YearMonth(2027, 12), running.End);
        Assert.Equal(Dollars(300m), running.ListUsage);
        Assert.Equal(Dollars(240m), running.ConsumedAtCommittedRates);
        Assert.Equal(Dollars(1200m + 240m - 240m), running.RemainingCommitment);
        Assert.Equal((Usd.Zero, Usd.Zero, Usd.Zero), (running.Shortfall, running.CarryOut, running.Forfeited));
        Assert.Equal(Dollars(1200m), running.Bill);
        Assert.Equal(15, result.Months.Length);
    }

    [Fact]
    public void Through_closes_only_the_periods_ended_by_then_and_counts_missing_months_as_zero()
    {
        var contract = Annual(2, 1200m, 0.20m);
        var usage = UsageFrom(Jan2026, 100m, 100m); // nothing after February

        var result = Ledger.Run(contract, usage, new YearMonth(2026, 12));

        var p = Assert.Single(result.Periods);
        Assert.True(p.Closed);
        Assert.Equal(Dollars(200m), p.ListUsage);
        Assert.Equal(Dollars(1040m), p.Shortfall);
        Assert.Equal(12, result.Months.Length);
        Assert.Empty(Ledger.Run(contract, usage, new YearMonth(2025, 12)).Periods);
    }

    [Fact]
    public void Usage_before_the_start_and_after_the_term_is_outside_the_ledger()
    {
        var contract = Annual(1, 1200m, 0.20m);
        var usage = Flat(new YearMonth(2025, 7), 24, 100m);

        var result = Ledger.Run(contract, usage);

        var p = Assert.Single(result.Periods);
        Assert.Equal(Dollars(1200m), p.ListUsage);
        Assert.Equal(12, result.Months.Length);
    }
}
