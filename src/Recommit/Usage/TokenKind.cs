namespace Recommit.Usage;

/// <summary>
/// What a counted token was used for; each kind has its own price (docs/method.md §1). <see cref="WebSearch"/> counts
/// server-tool uses (web searches), priced per use rather than per token.
/// </summary>
public enum TokenKind : byte
{
    UncachedInput = 0,
    CacheWrite5m = 1,
    CacheWrite1h = 2,
    CacheRead = 3,
    Output = 4,
    WebSearch = 5,
}
