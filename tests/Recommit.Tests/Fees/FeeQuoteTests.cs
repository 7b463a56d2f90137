using Recommit.Fees;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Tests.Negotiation;
using Recommit.Time;

namespace Recommit.Tests.Fees;

/// <summary>
/// The quote (docs/method.md §9) on docs/method.md Example 7 (k$): Example 6's package signed for month 7 and simulated
/// paths of list usage from the signing month; with one path of 220 a month every distribution is that path's figure, so
/// the window effect is exact.
/// </summary>
public class FeeQuoteTests
{
    private static double[] Monthly(double usage, int months) => [.. Enumerable.Repeat(usage, months)];

    private static NegotiationAssumptions FixedFee(decimal fee) =>
        NegotiationAssumptions.Default with { Fees = FeeTerms.Default with { FixedTiers = [new FixedFeeTier(Usd.Zero, new Usd(fee))] }, Defaulted = [] };

    [Fact]
    public void Example_7_a_12_month_window_pays_nothing_and_24_months_pays_a_quarter_of_606()
    {
        var quote = FeeQuote.For(Deals.Example6(Monthly(220, 36)), Deals.Example6Package);

        var byWindow = quote.Windows.ToDictionary(w => w.Months);
        Assert.Equal((new Usd(-210m), Usd.Zero, 1.0), (byWindow[12].Savings.Mean, byWindow[12].Fee.Mean, byWindow[12].ProbabilityNoFee));
        Assert.Equal((new Usd(606m), new Usd(151.5m), 0.0), (byWindow[24].Savings.Mean, byWindow[24].Fee.Mean, byWindow[24].ProbabilityNoFee));
        // Months 31–42 are after both terms: old 220 × 0.8, new 220 × 0.75, 11 a month more saved.
        Assert.Equal(new Usd(738m), byWindow[36].Savings.Mean);
        Assert.Equal(new YearMonth(2029, 6), byWindow[36].Last);
        Assert.All(quote.Windows, w => Assert.False(w.Truncated));
    }

    [Fact]
    public void Default_fee_terms_are_labelled_and_the_verdict_agrees_with_the_figures()
    {
        var quote = FeeQuote.For(Deals.Example6(Monthly(220, 24)), Deals.Example6Package);

        Assert.Equal((new Usd(1800m), new Usd(18_000m)), (quote.AnnualCommit, quote.FixedFee));   // the first default tier
        Assert.Equal((0.25m, 24), (quote.Share, quote.WindowMonths));
        Assert.Equal("fees", Assert.Single(quote.Defaulted));
        Assert.Equal((0.0, "gainshare"), (quote.ProbabilityGainshareAboveFixed, quote.Favours));
        Assert.Equal("Over the 24 months after signing, a 25% gainshare is expected to cost $151.50 (P10 $151.50, P90 $151.50) " +
            "against a fixed fee of $18,000.00, and costs more than the fixed fee on 0 % of paths: the numbers favour gainshare.", quote.Sentence);
    }

    [Fact]
    public void The_fixed_fee_is_favoured_when_gainshare_is_expected_to_cost_more()
    {
        // Two paths: Example 7's, and 150 a month from the signing month, on which the package's higher commitment costs
        // more than the old contract over 24 months (old 3,420, new 4,050): no fee there, so the mean fee is 151.50 / 2.
        var setup = Deals.Example6(Monthly(220, 24), Monthly(150, 24)) with { Assumptions = FixedFee(50m) };

        var quote = FeeQuote.For(setup, Deals.Example6Package);

        var window = quote.GainshareWindow!;
        Assert.Equal((new Usd(50m), 0.5, new Usd(75.75m)), (quote.FixedFee, window.ProbabilityNoFee, window.Fee.Mean));
        Assert.Equal((0.5, "fixed"), (quote.ProbabilityGainshareAboveFixed, quote.Favours));
        Assert.EndsWith("the numbers favour the fixed fee.", quote.Sentence, StringComparison.Ordinal);
        Assert.Empty(quote.Defaulted);
    }

    [Fact]
    public void Simulated_fees_are_shown_to_three_significant_figures_and_199_paths_in_200_are_not_all_of_them()
    {
        // 199 paths of Example 7 (fee 151.50) and one of 150 a month (no fee): the mean fee is 151.50 × 199 / 200 = 150.7425,
        // shown as $151; gainshare costs more than the 50 fixed fee on 0.995 of paths, which is not every path.
        var paths = Enumerable.Repeat(Monthly(220, 24), 199).Append(Monthly(150, 24)).ToArray();
        var setup = Deals.Example6(paths) with { Assumptions = FixedFee(50m) };

        var quote = FeeQuote.For(setup, Deals.Example6Package);

        Assert.Equal((new Usd(150.7425m), 0.995), (quote.GainshareWindow!.Fee.Mean, quote.ProbabilityGainshareAboveFixed));
        Assert.Equal("Over the 24 months after signing, a 25% gainshare is expected to cost $151 (P10 $152, P90 $152) " +
            "against a fixed fee of $50.00, and costs more than the fixed fee on over 99 % of paths: the numbers favour the fixed fee.", quote.Sentence);
    }

    [Fact]
    public void Without_a_recommended_package_there_is_nothing_to_share()
    {
        var quote = FeeQuote.For(Deals.Example6(), null);

        Assert.Null(quote.GainshareWindow);
        Assert.Empty(quote.Windows);
        Assert.Equal(new Usd(18_000m), quote.FixedFee);
        Assert.StartsWith("No renegotiation package is recommended", quote.Sentence, StringComparison.Ordinal);
    }
}
