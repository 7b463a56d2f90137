using Recommit.Analysis;
using Recommit.Money;
using Recommit.Negotiation;

namespace Recommit.Tests.Negotiation;

/// <summary>A counter verdict names the test the package failed, never a cap its probability is within.</summary>
public sealed class VerdictReasonTests
{
    private static PackageValue Value(decimal saving, decimal gain, double worse, bool mutual)
    {
        var d = new Distribution(Usd.Zero, Usd.Zero, Usd.Zero, Usd.Zero);
        return new PackageValue(Deals.Example5Package, new SideValue(d, d, new VendorMeasures(Usd.Zero, 1, Usd.Zero)), new Usd(saving), new Usd(gain), worse, mutual,
            null, Usd.Zero, []);
    }

    private static string Reason(PackageValue value) =>
        Negotiator.Verdict(value, 10_000, NegotiationAssumptions.Default, [], []).Reason;

    [Fact]
    public void A_mutual_gain_over_the_risk_cap_says_so() =>
        Assert.Equal("the buyer saves $1,230 but is worse off on 25 % of paths, above the 20 % cap", Reason(Value(1_234m, 50m, 0.25, mutual: true)));

    [Fact]
    public void A_vendor_loss_is_the_reason_even_within_the_cap() =>
        Assert.Equal("the buyer saves $1,230 but the vendor loses $45.70", Reason(Value(1_234m, -45.67m, 0.05, mutual: false)));

    [Fact]
    public void A_saving_under_the_half_cent_is_too_small_not_over_a_cap() =>
        Assert.Equal("the buyer saves under a cent on average, too little to count as a gain", Reason(Value(0.004m, 3m, 0.19, mutual: false)));
}
