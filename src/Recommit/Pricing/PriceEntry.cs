namespace Recommit.Pricing;

/// <summary>
/// A model's complete list prices from one effective date until the next entry (docs/method.md §1; docs/pricing.md).
/// A price change is a new entry, never an edit, so usage is always priced at the prices in force on its day.
/// </summary>
/// <param name="Effective">First UTC day the entry applies; null on a model's first entry means "since the model was first sold".</param>
/// <param name="Source">Where the numbers come from (URL or note).</param>
/// <param name="Confirmed">False when the prices are known only from third parties.</param>
/// <param name="Standard">Standard-tier, global, standard-speed rates.</param>
/// <param name="BatchMultiplier">Multiplier for the Batch API (0.5), or null when batch is not offered.</param>
/// <param name="LongContext">How the long-context band is priced.</param>
/// <param name="LongRates">The long-context rates when <paramref name="LongContext"/> is <see cref="LongContextRule.OwnRates"/>.</param>
/// <param name="Fast">Fast-mode rates (cache prices derived from the fast input rate), or null when fast mode is not offered.</param>
/// <param name="UsGeoMultiplier">Multiplier for US-only inference (1.1), or null when the model rejects it.</param>
/// <param name="Note">Free text kept with the entry.</param>
public sealed record PriceEntry(
    DateOnly? Effective,
    string Source,
    bool Confirmed,
    TokenRates Standard,
    decimal? BatchMultiplier,
    LongContextRule LongContext,
    TokenRates? LongRates,
    TokenRates? Fast,
    decimal? UsGeoMultiplier,
    string? Note);
