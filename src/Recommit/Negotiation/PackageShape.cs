namespace Recommit.Negotiation;

/// <summary>
/// The optimiser's description of a package apart from its commit level (docs/method.md §7): term extension beyond the old
/// term's end, ramp shape, whether a shortfall carries over (50 %, capped at 10 % of the commitment) and whether overage is
/// repriced at the committed discount.
/// </summary>
public sealed record PackageShape(int ExtensionMonths, RampShape Ramp, bool Carryover, bool OverageRepriced)
{
    public override string ToString() =>
        $"+{ExtensionMonths} months, {RampName(Ramp)}, {(Carryover ? "carryover 50 % capped at 10 %" : "no carryover")}, overage {(OverageRepriced ? "at the committed rate" : "at list")}";

    public static string RampName(RampShape ramp) => ramp switch
    {
        RampShape.Linear => "linear ramp",
        RampShape.MatchedToP50 => "ramp matched to the P50 path",
        _ => "flat",
    };
}
