using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>One line of a priced breakdown: a month's tokens (or web searches) of one kind on one model, and their list cost (docs/method.md §1).</summary>
public readonly record struct PricedUsageRow(YearMonth Month, ModelId Model, TokenKind Kind, long Tokens, Usd ListUsd);
