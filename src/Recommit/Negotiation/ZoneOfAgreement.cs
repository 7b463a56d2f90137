using System.Collections.Immutable;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// The zone of possible agreement (docs/method.md §7) for the best package's shape: the savings-vs-commitment curve for
/// both sides (<see cref="Curve"/>, discounts from the bands), the range of annual commit levels on which both gain
/// (<see cref="Low"/>..<see cref="High"/>, null when none does), the vendor's walk-away level (gain = 0, below which the
/// vendor loses) and the buyer's (saving = 0, above which the buyer loses), each interpolated on the grid and null when it
/// lies beyond it; and at the chosen level <see cref="ChosenAnnualCommit"/>, the sweep over discounts
/// (<see cref="DiscountCurve"/>) with the range of discounts on which both gain.
/// </summary>
public sealed record ZoneOfAgreement(
    PackageShape Shape,
    int TermMonths,
    ImmutableArray<CurvePoint> Curve,
    Usd? Low,
    Usd? High,
    Usd? VendorWalkAway,
    Usd? BuyerWalkAway,
    Usd ChosenAnnualCommit,
    ImmutableArray<CurvePoint> DiscountCurve,
    decimal? DiscountLow,
    decimal? DiscountHigh);
