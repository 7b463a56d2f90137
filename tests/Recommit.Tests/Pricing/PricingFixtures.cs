using Recommit.Usage;

namespace Recommit.Tests.Pricing;

/// <summary>Small cubes and price-book texts the pricing tests share.</summary>
internal static class PricingFixtures
{
    public static readonly DateOnly Aug5 = new(2026, 8, 5);

    public static UsageKey Key(string model, TokenKind kind, DateOnly? day = null, ServiceTier tier = ServiceTier.Standard,
        ContextBand band = ContextBand.Standard, InferenceGeo geo = InferenceGeo.Global, Speed speed = Speed.Standard) =>
        new(day ?? Aug5, Channel.Anthropic, "", model, tier, band, geo, speed, kind);

    public static UsageCube Cube(params (UsageKey Key, long Tokens)[] cells)
    {
        var b = new UsageCubeBuilder();
        foreach (var (key, tokens) in cells) b.Add(key, tokens);
        return b.Build();
    }

    /// <summary>Example 1 of docs/method.md §1 on Sonnet 4.5: 10 MTok input, 2 MTok 5-min writes, 30 MTok reads, 1.5 MTok output.</summary>
    public static UsageCube Example1(ServiceTier tier = ServiceTier.Standard, ContextBand band = ContextBand.Standard) => Cube(
        (Key("claude-sonnet-4-5", TokenKind.UncachedInput, tier: tier, band: band), 10_000_000),
        (Key("claude-sonnet-4-5", TokenKind.CacheWrite5m, tier: tier, band: band), 2_000_000),
        (Key("claude-sonnet-4-5", TokenKind.CacheRead, tier: tier, band: band), 30_000_000),
        (Key("claude-sonnet-4-5", TokenKind.Output, tier: tier, band: band), 1_500_000));

    /// <summary>A complete one-model price book with <paramref name="modelsJson"/> as its models array.</summary>
    public static string Book(string modelsJson, string version = "test-1") =>
        $$"""{ "version": "{{version}}", "webSearch": { "usdPerThousand": 10, "source": "test" }, "models": {{modelsJson}} }""";

    public const string AcmeModel = """
        [{ "id": "acme-model-1", "displayName": "Acme Model 1", "family": "acme", "tokenizerGeneration": 1,
           "aliases": ["acme-model-1-20261201"],
           "prices": [{ "effective": "2026-12-01", "source": "contract schedule B", "batchMultiplier": 0.5,
                        "standard": { "input": 1, "cacheWrite5m": 1.25, "cacheWrite1h": 2, "cacheRead": 0.1, "output": 4 } }] }]
        """;
}
