namespace Recommit.Negotiation;

/// <summary>
/// The answer to a given package or counter-offer (docs/method.md §7): <c>accept</c> (a mutual gain within the risk cap),
/// <c>counter</c> (the buyer saves but the vendor loses or the risk is above the cap) or <c>reject</c> (the buyer does not
/// save), with the reason in figures and the nearest package inside the zone when there is one.
/// </summary>
public sealed record OfferVerdict(string Package, string Verdict, string Reason, string? Nearest);
