namespace Recommit.Analysis;

/// <summary>
/// How a model family's tokens split by kind (shares of uncached input, 5-minute cache writes, cache reads and
/// output, summing to 1). Used to turn list dollars into tokens for spend-only accounts (docs/method.md §5), so levers can
/// apply; every figure that rests on a mix says so. The defaults are Recommit's assumptions, not measurements — they
/// are listed in docs/analysis.md and can be overridden per family.
/// </summary>
public sealed record TokenMix(decimal UncachedInput, decimal CacheWrite5m, decimal CacheRead, decimal Output)
{
    /// <summary>The default mix for a family (opus, sonnet, haiku; any other family gets the generic mix).</summary>
    public static TokenMix Default(string family) => family.ToLowerInvariant() switch
    {
        "opus" => new TokenMix(0.25m, 0.05m, 0.62m, 0.08m),
        "sonnet" => new TokenMix(0.35m, 0.05m, 0.52m, 0.08m),
        "haiku" => new TokenMix(0.70m, 0.02m, 0.18m, 0.10m),
        _ => new TokenMix(0.50m, 0.05m, 0.35m, 0.10m),
    };

    public decimal Total => UncachedInput + CacheWrite5m + CacheRead + Output;
}
