using Recommit.Contracts;

namespace Recommit.Tests.Contracts;

public class KernelTrueUpTests
{
    [Fact]
    public void Example_2_over_commitment_bills_overage_at_list()
    {
        double[] usage = [110, 118, 125, 140, 150, 160, 170, 185, 195, 210, 220, 230];
        var o = LedgerKernel.TrueUp(usage.Sum(), 1200, 0, new LedgerTerms(0.20, 0, 0, 0), hasNextPeriod: false);
        Assert.Equal(513, o.OverageList, 9);
        Assert.Equal(1713.00, o.Bill, 9);
        Assert.Equal(102.60, o.OveragePremium, 9);
        Assert.Equal(0, o.Shortfall);
        var repriced = LedgerKernel.TrueUp(usage.Sum(), 1200, 0, new LedgerTerms(0.20, 0.20, 0, 0), hasNextPeriod: false);
        Assert.Equal(1610.40, repriced.Bill, 9);
        Assert.Equal(0, repriced.OveragePremium, 9);
    }

    [Fact]
    public void Example_3_under_commitment_carries_part_of_the_shortfall_into_the_next_year()
    {
        var terms = new LedgerTerms(0.25, 0, 0.5, 0.1);
        var year1 = LedgerKernel.TrueUp(12 * 120, 2400, 0, terms, hasNextPeriod: true);
        Assert.Equal(1320.00, year1.Shortfall, 9);
        Assert.Equal(240.00, year1.CarryOut, 9);
        Assert.Equal(1080.00, year1.Forfeited, 9);
        Assert.Equal(2400, year1.Bill, 9);
        var year2 = LedgerKernel.TrueUp(12 * 150, 2400, year1.CarryOut, terms, hasNextPeriod: true);
        Assert.Equal(1290.00, year2.Shortfall, 9);
        Assert.Equal(0, year2.OverageList, 9); // K = 3,520 list
    }

    [Fact]
    public void A_carry_out_at_the_end_of_the_term_is_forfeited()
    {
        var o = LedgerKernel.TrueUp(12 * 120, 2400, 0, new LedgerTerms(0.25, 0, 0.5, 0.1), hasNextPeriod: false);
        Assert.Equal(0, o.CarryOut);
        Assert.Equal(1320.00, o.Forfeited, 9);
    }
}
