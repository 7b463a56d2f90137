using Recommit.Contracts;
using Recommit.Money;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Contracts;

public class LedgerKernelTests
{
    [Fact]
    public void Kernel_reproduces_example_3_over_two_years()
    {
        var kernel = LedgerKernel.Of(Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m)));
        double[] usage = [.. Enumerable.Repeat(120.0, 12), .. Enumerable.Repeat(150.0, 12)];
        var output = new KernelPeriodResult[2];

        var totals = kernel.Run(usage, output);

        Assert.Equal(1320.0, output[0].Shortfall, 9);
        Assert.Equal(240.0, output[0].CarryOut, 9);
        Assert.Equal(1080.0, output[0].Forfeited, 9);
        Assert.Equal(240.0, output[1].CarryIn, 9);
        Assert.Equal(1290.0, output[1].Shortfall, 9);
        Assert.Equal(0.0, output[1].CarryOut, 9);
        Assert.Equal(1290.0, output[1].Forfeited, 9);
        Assert.Equal(-1290.0, output[1].Position, 9);
        Assert.Equal(4800.0, totals.Bill, 9);
        Assert.Equal(2370.0, totals.Forfeited, 9);
        Assert.Equal(0.0, totals.AfterTermBill);
    }

    [Fact]
    public void Kernel_from_the_as_of_month_carries_in_the_sunk_periods_carry_out()
    {
        var contract = Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var kernel = LedgerKernel.From(contract, Jan2026.AddMonths(12), Flat(Jan2026, 12, 120m));
        var output = new KernelPeriodResult[1];

        kernel.Run([.. Enumerable.Repeat(150.0, 12)], output);

        Assert.Equal(1, kernel.FirstPeriodIndex);
        Assert.Equal(240.0, kernel.CarryIn, 9);
        Assert.Equal(1290.0, output[0].Shortfall, 9);
    }

    [Fact]
    public void Months_after_the_term_are_billed_at_the_committed_discount_when_valued()
    {
        // Example 5's status quo: year 2 of a two-year term (C = 1,200, d = 20 %), 3,000 list in year 2 and in year 3.
        var contract = Annual(2, 1200m, 0.20m);
        var kernel = LedgerKernel.From(contract, Jan2026.AddMonths(12), Flat(Jan2026, 12, 100m), valueAfterTerm: true);

        var totals = kernel.Run([.. Enumerable.Repeat(250.0, 24)]);

        Assert.Equal(2700.0, totals.Bill, 9);
        Assert.Equal(2400.0, totals.AfterTermBill, 9);
        Assert.Equal(5100.0, totals.BuyerCost, 9);
    }

    [Fact]
    public void Which_period_holds_a_month_is_answered_for_the_schedule_and_the_contract()
    {
        var contract = Periods(0.2m, 0m, CarryoverRule.None, (3, 100m), (9, 300m), (12, 1200m));
        var kernel = LedgerKernel.From(contract, Jan2026.AddMonths(4), Flat(Jan2026, 4, 10m));

        Assert.Equal(new ContractPeriodAt(1, Jan2026.AddMonths(3)), contract.PeriodAt(Jan2026.AddMonths(4)));
        Assert.Null(contract.PeriodAt(Jan2026.AddMonths(24)));
        Assert.Equal(0, kernel.PeriodAt(-1));
        Assert.Equal(0, kernel.PeriodAt(7));
        Assert.Equal(1, kernel.PeriodAt(8));
        Assert.Equal(-1, kernel.PeriodAt(20));
    }

    [Fact]
    public void A_stub_closes_with_the_whole_carry_in_and_carries_out_only_under_the_package_rule()
    {
        // Example 3's contract: year 1 carries 240 into year 2. Renegotiate at month 7 of year 2 with usage of 150 a month.
        var contract = Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var usage = UsageFrom(Jan2026, [.. Enumerable.Repeat(120m, 12), .. Enumerable.Repeat(150m, 6)]);
        var t0 = Jan2026.AddMonths(18);
        var package = new Contract("P", t0, [new CommitmentPeriod(12, new Usd(1000m))], 0.25m, 0m, new CarryoverRule(1m, 0.25m), BillingMode.Arrears, false);
        var reference = Ledger.CloseStub(contract, t0, usage, package.Carryover)!;
        var kernel = LedgerKernel.Replacing(contract, package, t0, usage);
        var output = new KernelPeriodResult[2];

        kernel.Run([.. Enumerable.Repeat(150.0, 12)], output);

        Assert.Equal(240.0, output[0].CarryIn, 9);
        Assert.Equal((double)reference.Shortfall.Value, output[0].Shortfall, 9);
        Assert.Equal((double)reference.CarryOut.Value, output[0].CarryOut, 9);
        Assert.Equal(300.0, output[0].CarryOut, 9); // min(1 × 765, 25 % of the stub's 1,200)
        Assert.Equal(300.0, output[1].CarryIn, 9);
    }

    [Fact]
    public void A_protected_period_reads_prices_with_increases_withheld()
    {
        var contract = Annual(1, 1200m, 0.20m) with { PriceProtection = true };
        var buffer = new KernelPathBuffer(12);
        double[] usage = [.. Enumerable.Repeat(100.0, 12)];
        double[] moved = [.. Enumerable.Repeat(1.0, 6), .. Enumerable.Repeat(1.5, 6)];
        double[] withheld = [.. Enumerable.Repeat(1.0, 12)];
        var output = new KernelPeriodResult[1];

        LedgerKernel.Of(contract).Run(buffer.Fill(usage, moved, withheld), output);
        Assert.Equal(1200.0, output[0].ListUsage, 9);
        LedgerKernel.Of(contract with { PriceProtection = false }).Run(buffer.Fill(usage, moved, withheld), output);
        Assert.Equal(1500.0, output[0].ListUsage, 9);
    }

    [Fact]
    public void Discounting_moves_a_prepaid_commitment_to_the_start_and_an_arrears_one_across_the_months()
    {
        var arrears = Annual(1, 1200m, 0.20m);
        var buffer = new KernelPathBuffer(12, annualDiscountRate: 0.10);
        var path = buffer.Fill([.. Enumerable.Repeat(100.0, 12)]);

        var spread = LedgerKernel.Of(arrears).Run(path);
        var prepaid = LedgerKernel.Of(arrears with { Billing = BillingMode.Prepaid }).Run(path);

        var expected = Enumerable.Range(0, 12).Sum(t => 100 * Math.Pow(1.1, -t / 12.0));
        Assert.Equal(expected, spread.Committed, 9);
        Assert.Equal(1200.0, prepaid.Committed, 9);
    }
}
