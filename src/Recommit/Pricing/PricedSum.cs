using Recommit.Money;

namespace Recommit.Pricing;

/// <summary>
/// Tokens (or web searches) of a group of cube cells, their list cost, and what they would cost at the standard
/// context band, global inference and standard speed (docs/method.md §1). Amounts are at full precision.
/// </summary>
public readonly record struct PricedSum(long Tokens, Usd ListUsd, Usd AtStandardRates);
