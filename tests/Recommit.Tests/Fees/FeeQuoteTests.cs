using Recommit.Fees;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Fees;

/// <summary>
/// The quote (docs/method.md §9) on docs/method.md Example 7 in dollars (k$ × 1,000): one simulated path of 220,000 a
/// month from the signing month, so every distribution is that path's figure and the window effect is exact.
/// </summary>
public class FeeQuoteTests
{
    /// <summary>Paths of monthly list usage from the signing month, after 200,000 a month for months 1–6.</summary>
    private static NegotiationSetup Example7(params decimal[][] paths) =>
        new(Example6Deal.Old(1000m), Example6Deal.Month7, Flat(Jan2026, 6, 200_000m), [.. paths.SelectMany(p => p.Select(u => (double)u))],
            paths.Length, paths[0].Length, NegotiationAssumptions.Default, 1);

    private static Package Example6Package => new(Example6Deal.Package(1000m));

    private static decimal[] Monthly(decimal usage, int months) => [.. Enumerable.Repeat(usage, months)];

    [Fact]
    public void Example_7_a_12_month_window_pays_nothing_and_24_months_pays_a_quarter_of_606_000()
    {
        var quote = FeeQuote.For(Example7(Monthly(220_000m, 36)), Example6Package);

        var byWindow = quote.Windows.ToDictionary(w => w.Months);
        Assert.Equal((new Usd(-210_000m), new Usd(0m), 1.0), (byWindow[12].Savings.Mean, byWindow[12].Fee.Mean, byWindow[12].ProbabilityNoFee));
        Assert.Equal((new Usd(606_000m), new Usd(151_500m), 0.0), (byWindow[24].Savings.Mean, byWindow[24].Fee.Mean, byWindow[24].ProbabilityNoFee));
        // Months 31–42 are after both terms: old 220,000 × 0.8, new 220,000 × 0.75, 11,000 a month more saved.
        Assert.Equal(new Usd(738_000m), byWindow[36].Savings.Mean);
        Assert.Equal(new YearMonth(2029, 6), byWindow[36].Last);
        Assert.All(quote.Windows, w => Assert.False(w.Truncated));
    }

    [Fact]
    public void The_default_fixed_fee_follows_the_package_commitment_and_the_verdict_agrees_with_the_figures()
    {
        var quote = FeeQuote.For(Example7(Monthly(220_000m, 36)), Example6Package);

        Assert.Equal(new Usd(1_800_000m), quote.AnnualCommit);
        Assert.Equal(new Usd(30_000m), quote.FixedFee);                 // default tier from $1M a year
        Assert.Equal((0.25m, 24), (quote.Share, quote.WindowMonths));
        Assert.Equal(1.0, quote.ProbabilityGainshareAboveFixed);        // 151,500 > 30,000 on the one path
        Assert.Equal("fixed", quote.Favours);
        Assert.Equal("fees", Assert.Single(quote.Defaulted));
        Assert.Equal("Over the 24 months after signing, a 25% gainshare is expected to cost $151,500.00 (P10 $151,500.00, P90 $151,500.00) " +
            "against a fixed fee of $30,000.00, and costs more than the fixed fee on 100 % of paths: the numbers favour the fixed fee.", quote.Sentence);
    }

    [Fact]
    public void Gainshare_is_favoured_when_its_expected_fee_is_below_the_fixed_fee()
    {
        // Two paths: the Example 7 path, and one at 150,000 a month from the signing month, on which the package's higher
        // commitment costs more than the old contract over 24 months: no fee there, so the mean fee is half of 151,500.
        var setup = Example7(Monthly(220_000m, 24), Monthly(150_000m, 24)) with
        {
            Assumptions = NegotiationAssumptions.Default with { Fees = FeeSchedule.Default with { Tiers = [new FeeTier(Usd.Zero, new Usd(100_000m))] }, Defaulted = [] },
        };

        var quote = FeeQuote.For(setup, Example6Package);

        Assert.Equal(new Usd(100_000m), quote.FixedFee);
        var window = quote.GainshareWindow!;
        Assert.Equal(0.5, window.ProbabilityNoFee);
        Assert.Equal(new Usd(75_750m), window.Fee.Mean);
        Assert.Equal(0.5, quote.ProbabilityGainshareAboveFixed);
        Assert.Equal("gainshare", quote.Favours);
        Assert.EndsWith("the numbers favour gainshare.", quote.Sentence, StringComparison.Ordinal);
        Assert.Empty(quote.Defaulted);
    }

    [Fact]
    public void Without_a_recommended_package_there_is_nothing_to_share()
    {
        var quote = FeeQuote.For(Example7(Monthly(220_000m, 24)), null);

        Assert.Null(quote.GainshareWindow);
        Assert.Empty(quote.Windows);
        Assert.Equal(new Usd(30_000m), quote.FixedFee);   // the current contract's 1.2M a year
        Assert.StartsWith("No renegotiation package is recommended", quote.Sentence, StringComparison.Ordinal);
    }
}
