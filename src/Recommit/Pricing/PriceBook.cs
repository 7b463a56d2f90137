using Recommit.Money;
using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>
/// The versioned, effective-dated list prices of every Claude model (PRODUCT.md, "Price book"; MATH.md §1).
/// API contract only: the implementation lands with the price-book work (issue 2).
/// </summary>
public sealed partial class PriceBook
{
    /// <summary>The version label every computed dollar names.</summary>
    public string Version { get; private init; } = "";

    /// <summary>The price book shipped with the tool (data/pricebook.json, embedded).</summary>
    public static PriceBook Default => throw new NotImplementedException();

    /// <summary>Every model the book knows.</summary>
    public IReadOnlyList<ModelInfo> Models => throw new NotImplementedException();

    /// <summary>Maps a canonical id, dated id, display name or Bedrock/Vertex name to the canonical model.</summary>
    public bool TryResolve(string nameOrAlias, out ModelId id) => throw new NotImplementedException();

    /// <summary>Canonical model for a name; <see cref="UnknownModelException"/> naming the model when unknown.</summary>
    public ModelId Resolve(string nameOrAlias) => throw new NotImplementedException();

    public ModelInfo Info(ModelId id) => throw new NotImplementedException();

    /// <summary>
    /// List price in USD of one token (or one web search) of <paramref name="kind"/> for <paramref name="model"/> on
    /// <paramref name="day"/>, with batch, long-context, US-geo and fast-mode rules applied. Unknown model or an
    /// unsupported combination is an error, never a zero.
    /// </summary>
    public decimal UnitPrice(string model, DateOnly day, TokenKind kind, ServiceTier tier, ContextBand band, InferenceGeo geo, Speed speed) =>
        throw new NotImplementedException();

    /// <summary>List cost of one cube cell.</summary>
    public Usd Cost(in UsageKey key, long tokens) =>
        new(tokens * UnitPrice(key.Model, key.Day, key.Kind, key.Tier, key.Band, key.Geo, key.Speed));
}
