using System.Collections.Immutable;

namespace Recommit.Negotiation;

/// <summary>
/// The negotiation (docs/method.md §7–§8): the status quo and the packages valued (the given ones, else the optimiser's
/// top packages) with their re-valuation under the load-drop stress, the zone of possible agreement, the Pareto frontier,
/// verdicts on given packages, the recommendation, the assumptions used, how many candidate packages were screened, and
/// the trades and asks of the best acceptable package with their value to each side.
/// </summary>
public sealed record NegotiationResult(
    NegotiationValuation Valuation,
    NegotiationValuation Stressed,
    ZoneOfAgreement? Zone,
    ImmutableArray<FrontierPoint> Frontier,
    ImmutableArray<OfferVerdict> Verdicts,
    Recommendation Recommendation,
    NegotiationAssumptions Assumptions,
    int CandidatesScreened)
{
    public ImmutableArray<TradeValue> Trades { get; init; } = [];

    /// <summary>The optimiser's term extensions (0, +12, +24 months) not tried, each with its reason (<see cref="Optimiser.ExtensionsNotTried"/>).</summary>
    public ImmutableArray<string> ExtensionsNotTried { get; init; } = [];
}
