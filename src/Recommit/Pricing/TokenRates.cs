using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>
/// One row of list prices in USD per million tokens (MTok): base (uncached) input, 5-minute and 1-hour cache writes,
/// cache read and output, exactly as the vendor's pricing table lists them (docs/method.md §1). The price book stores the
/// actual numbers, not the usual ratios (5-minute write ≈ 1.25×, 1-hour write ≈ 2×, read ≈ 0.1× of input), because
/// some models break the ratios.
/// </summary>
public sealed record TokenRates(decimal Input, decimal CacheWrite5m, decimal CacheWrite1h, decimal CacheRead, decimal Output)
{
    /// <summary>The USD per MTok of a token kind; web searches are not priced per token and have no rate here.</summary>
    public decimal PerMTok(TokenKind kind) => kind switch
    {
        TokenKind.UncachedInput => Input,
        TokenKind.CacheWrite5m => CacheWrite5m,
        TokenKind.CacheWrite1h => CacheWrite1h,
        TokenKind.CacheRead => CacheRead,
        TokenKind.Output => Output,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "web searches are priced per use, not per token"),
    };
}
