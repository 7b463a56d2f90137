using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// One point of the savings-vs-commitment curve for both sides (docs/method.md §7): an annual commit level (or, on the
/// discount sweep, a discount at the chosen level) with the buyer's expected saving, the vendor's expected gain and
/// P(buyer worse off). <see cref="Discount"/> is the committed discount the point was valued at.
/// </summary>
public sealed record CurvePoint(Usd AnnualCommit, decimal Discount, Usd BuyerSaving, Usd VendorGain, double ProbabilityWorseOff)
{
    /// <summary>Both sides gain: saving above zero and gain at or above zero.</summary>
    public bool MutualGain => BuyerSaving.Value > 0.005m && VendorGain.Value >= -0.005m;
}
