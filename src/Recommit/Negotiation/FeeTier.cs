using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>A fixed engagement fee (docs/method.md §9) charged when the annual commitment is at least <see cref="MinAnnualCommit"/>.</summary>
public sealed record FeeTier(Usd MinAnnualCommit, Usd Fee);
