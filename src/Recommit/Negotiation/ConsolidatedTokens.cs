using System.Globalization;

namespace Recommit.Negotiation;

/// <summary>
/// A consolidated workload's tokens a month by kind once fully moved (docs/method.md §7, "Consolidation": list dollars or
/// tokens per model family): uncached input, output, cache writes (5-minute) and cache reads.
/// </summary>
public sealed record ConsolidatedTokens(long Input, long Output, long CacheWrite, long CacheRead)
{
    /// <summary>Every token a month, all kinds.</summary>
    public long Total => Input + Output + CacheWrite + CacheRead;

    /// <summary>The kinds with tokens, as a reader sees them: <c>1.2 B input, 300 M output</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        foreach (var (count, kind) in new[] { (Input, "input"), (Output, "output"), (CacheWrite, "cache-write"), (CacheRead, "cache-read") })
            if (count > 0) parts.Add($"{Compact(count)} {kind}");
        return parts.Count == 0 ? "no tokens" : string.Join(", ", parts);
    }

    private static string Compact(long tokens) => tokens switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{tokens / 1e9:0.###} B"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{tokens / 1e6:0.###} M"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{tokens / 1e3:0.###} k"),
        _ => tokens.ToString(CultureInfo.InvariantCulture),
    };
}
