using System.Text.RegularExpressions;
using Recommit.Usage;

namespace Recommit.Import.Cloud;

/// <summary>
/// A parsed Bedrock <c>line_item_usage_type</c> (REFERENCE-anthropic.md §4): <c>{region}-{model}-{token-type}</c>,
/// optionally <c>-{tier}</c> (<c>priority</c>, <c>flex</c>, <c>batch</c>, <c>standard</c>) and
/// <c>-cross-region-global</c>, or the bedrock-mantle form <c>{region}-{model}-mantle-{token-type}-standard</c>.
/// Token types: <c>input-tokens</c>, <c>output-tokens</c>, <c>cache-read-input-token-count</c>,
/// <c>cache-write-input-token-count</c> (a 5-minute write; a type naming <c>1h</c> is a 1-hour write).
/// </summary>
internal readonly partial record struct BedrockUsageType(string Region, string Model, TokenKind Kind, ServiceTier Tier, bool Flex, bool CrossRegion, bool Mantle)
{
    public bool IsClaude => Model.Contains("claude", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string text, out BedrockUsageType parsed)
    {
        parsed = default;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        var type = m.Groups["type"].Value.ToLowerInvariant();
        var kind = type switch
        {
            "input-tokens" => TokenKind.UncachedInput,
            "output-tokens" => TokenKind.Output,
            "cache-read-input-token-count" or "cache-read-input-tokens" => TokenKind.CacheRead,
            _ when type.Contains("1h", StringComparison.Ordinal) => TokenKind.CacheWrite1h,
            _ => TokenKind.CacheWrite5m,
        };
        var tier = ServiceTier.Standard;
        bool flex = false, crossRegion = false;
        var rest = m.Groups["rest"].Value.ToLowerInvariant();
        if (rest.Contains("cross-region", StringComparison.Ordinal)) { crossRegion = true; rest = rest.Replace("-cross-region-global", "", StringComparison.Ordinal).Replace("-cross-region", "", StringComparison.Ordinal); }
        foreach (var part in rest.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "priority": tier = ServiceTier.Priority; break;
                case "batch": tier = ServiceTier.Batch; break;
                case "flex": flex = true; break;
                case "standard" or "global" or "latency" or "optimized" or "latencyoptimized": break;
                default: return false;
            }
        }
        parsed = new BedrockUsageType(m.Groups["region"].Value, m.Groups["model"].Value, kind, tier, flex, crossRegion, m.Groups["mantle"].Success);
        return true;
    }

    [GeneratedRegex(@"^(?<region>[A-Za-z]{2,4}\d?)-(?<model>[^-].*?)-(?<mantle>mantle-)?(?<type>input-tokens|output-tokens|cache-read-input-token-count|cache-read-input-tokens|cache-write(?:-1h|-5m)?-input-token-count|cache-write(?:-1h|-5m)?-input-tokens)(?<rest>(?:-[A-Za-z0-9]+)*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
