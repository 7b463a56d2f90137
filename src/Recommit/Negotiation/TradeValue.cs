using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// One element of the best package — a trade the buyer offers (<c>trade</c>: band discount for a larger or longer
/// commitment, a ramp, a consolidation) or an ask (<c>ask</c>: overage repricing, carryover, price protection) — valued by
/// re-valuing the package without it on the same paths: <see cref="BuyerValue"/> = E[B] without − E[B] with,
/// <see cref="VendorValue"/> = E[V] with − E[V] without (docs/method.md §7).
/// </summary>
public sealed record TradeValue(string Name, string Kind, Usd BuyerValue, Usd VendorValue);
