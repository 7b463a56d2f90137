namespace Recommit.Pricing;

/// <summary>
/// A model's prices changing on a day (docs/pricing.md): the entry in force before (null when
/// the model had no earlier entry) and the entry that takes effect.
/// </summary>
public sealed record PriceChange(ModelId Model, DateOnly Effective, PriceEntry? Before, PriceEntry After);
