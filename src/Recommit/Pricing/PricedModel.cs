using System.Collections.Immutable;

namespace Recommit.Pricing;

/// <summary>
/// A model as the price book holds it: what it is (<see cref="ModelInfo"/>), the other names it goes by in exports
/// (dated ids, Console display names, Vertex SKU and Bedrock usage-type names) and its effective-dated price entries,
/// oldest first.
/// </summary>
public sealed record PricedModel(ModelInfo Info, ImmutableArray<string> Aliases, ImmutableArray<PriceEntry> Prices, string? Status);
