using System.Text.RegularExpressions;
using Recommit.Usage;

namespace Recommit.Import.Cloud;

/// <summary>
/// A parsed Google Cloud SKU description for Claude (REFERENCE-anthropic.md §4): <c>Claude Opus 5 Input</c>,
/// <c>… Output</c>, <c>… Cache Read</c>, <c>… 5-minute Cache Write</c>, <c>… 1-hour Cache Write</c>. The words
/// <c>Batch</c> and <c>Long Context</c> anywhere in the description set the tier and band.
/// </summary>
internal readonly partial record struct ClaudeSku(string Model, TokenKind Kind, ServiceTier Tier, ContextBand Band)
{
    public static bool TryParse(string description, out ClaudeSku sku)
    {
        sku = default;
        var s = description.Trim();
        var tier = ServiceTier.Standard;
        var band = ContextBand.Standard;
        if (BatchWord().IsMatch(s)) { tier = ServiceTier.Batch; s = BatchWord().Replace(s, " "); }
        if (LongContextWords().IsMatch(s)) { band = ContextBand.Long; s = LongContextWords().Replace(s, " "); }
        s = Spaces().Replace(s, " ").Trim();
        var m = Pattern().Match(s);
        if (!m.Success) return false;
        var kindText = m.Groups["kind"].Value.ToLowerInvariant();
        var kind = kindText switch
        {
            "input" or "input tokens" => TokenKind.UncachedInput,
            "output" or "output tokens" => TokenKind.Output,
            "cache read" or "cache hit" or "cache reads" => TokenKind.CacheRead,
            _ when kindText.StartsWith('1') => TokenKind.CacheWrite1h,
            _ => TokenKind.CacheWrite5m,
        };
        sku = new ClaudeSku(m.Groups["model"].Value.Trim(), kind, tier, band);
        return true;
    }

    [GeneratedRegex(@"^(?<model>Claude\s.+?)\s+(?<kind>Input(?: Tokens)?|Output(?: Tokens)?|Cache Reads?|Cache Hit|(?:(?:5|1)-?(?:minute|min|m|hour|hr|h)\s+)?Cache Write(?:s)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\bBatch\b", RegexOptions.IgnoreCase)]
    private static partial Regex BatchWord();

    [GeneratedRegex(@"\bLong[- ]Context\b", RegexOptions.IgnoreCase)]
    private static partial Regex LongContextWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
