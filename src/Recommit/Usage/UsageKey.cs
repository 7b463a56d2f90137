namespace Recommit.Usage;

/// <summary>
/// The natural key of one cell of the usage cube (docs/importers.md): UTC day, channel, workspace (empty when
/// none), model (the canonical id when the price book knows it, else the name as imported), service tier, context
/// band, inference geography, speed and token kind. Re-importing the same key is a duplicate, not more usage.
/// </summary>
public readonly record struct UsageKey(
    DateOnly Day,
    Channel Channel,
    string Workspace,
    string Model,
    ServiceTier Tier,
    ContextBand Band,
    InferenceGeo Geo,
    Speed Speed,
    TokenKind Kind)
{
    /// <summary>A key with the optional dimensions at their defaults (anthropic, no workspace, standard, global).</summary>
    public static UsageKey Of(DateOnly day, string model, TokenKind kind, ServiceTier tier = ServiceTier.Standard, ContextBand band = ContextBand.Standard) =>
        new(day, Channel.Anthropic, "", model, tier, band, InferenceGeo.Global, Speed.Standard, kind);
}
