using System.Collections.Immutable;
using Recommit.Fees;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// The negotiation assumptions file (docs/method.md §7–§9; published as <c>data/schemas/assumptions.schema.json</c>):
/// the vendor's haircut h on revenue not under contract, the renewal probability q after a term ends, the annual discount
/// rate, the vendor's discount bands, the cap on the probability that the buyer ends up worse off, sampled list-price
/// moves, the load-drop stress and the fee schedule. Every field is optional; <see cref="Defaulted"/> names the fields
/// that took their default so every report can label them.
/// </summary>
public sealed record NegotiationAssumptions(
    decimal VendorHaircut,
    decimal RenewalProbability,
    decimal DiscountRate,
    ImmutableArray<DiscountBand> Bands,
    decimal MaxProbabilityWorseOff,
    ImmutableArray<PriceMove> PriceMoves,
    decimal LoadStress,
    FeeTerms Fees)
{
    /// <summary>The fields (by their JSON names) that took their default value.</summary>
    public ImmutableArray<string> Defaulted { get; init; } = [];

    /// <summary>
    /// Illustrative discount bands used when the file gives none (labelled as a default in every report): 10 % from any
    /// commitment, 15 % from $250k, 20 % from $750k and 22 % from $1.5M a year on 12 months; 25 % from $1M and 28 % from
    /// $2M a year on 24 months; 30 % from $3M a year on 36 months.
    /// </summary>
    public static ImmutableArray<DiscountBand> DefaultBands { get; } =
    [
        new(Usd.Zero, 12, 0.10m),
        new(new Usd(250_000m), 12, 0.15m),
        new(new Usd(750_000m), 12, 0.20m),
        new(new Usd(1_500_000m), 12, 0.22m),
        new(new Usd(1_000_000m), 24, 0.25m),
        new(new Usd(2_000_000m), 24, 0.28m),
        new(new Usd(3_000_000m), 36, 0.30m),
    ];

    /// <summary>Every field at its default: h = 0.25, q = 0.85, no discounting, the default bands, cap 0.2, no price moves, stress 0.2, the default fees.</summary>
    public static NegotiationAssumptions Default { get; } = new(0.25m, 0.85m, 0m, DefaultBands, 0.20m, [], 0.20m, FeeTerms.Default)
    {
        Defaulted = [.. AssumptionsJson.Fields],
    };
}
