using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// The vendor's side in numbers (docs/method.md §7): <see cref="Spread"/> is the P10–P90 range of the vendor value V
/// (smaller = more predictable), <see cref="CommittedShare"/> the share of E[V] under contract, and
/// <see cref="TermRevenue"/> the expected revenue billed during the contract's own term (commitments plus overage).
/// </summary>
public sealed record VendorMeasures(Usd Spread, double CommittedShare, Usd TermRevenue);
