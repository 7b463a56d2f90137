using System.Diagnostics.CodeAnalysis;

namespace Recommit.Usage;

/// <summary>
/// The canonical spellings of the usage dimensions, as written in the canonical usage CSV and in JSON
/// (<c>uncached_input</c>, <c>cache_write_5m</c>, <c>batch</c>, <c>long</c>, <c>bedrock</c>, …).
/// </summary>
public static class UsageNames
{
    private static readonly string[] Kinds = ["uncached_input", "cache_write_5m", "cache_write_1h", "cache_read", "output", "web_search"];
    private static readonly string[] Tiers = ["standard", "batch", "priority"];
    private static readonly string[] Bands = ["standard", "long"];
    private static readonly string[] Channels = ["anthropic", "bedrock", "vertex", "marketplace"];
    private static readonly string[] Geos = ["global", "us"];
    private static readonly string[] Speeds = ["standard", "fast"];

    public static IReadOnlyList<string> TokenKindNames => Kinds;
    public static IReadOnlyList<string> ServiceTierNames => Tiers;
    public static IReadOnlyList<string> ContextBandNames => Bands;
    public static IReadOnlyList<string> ChannelNames => Channels;

    public static string Name(this TokenKind kind) => Kinds[(int)kind];
    public static string Name(this ServiceTier tier) => Tiers[(int)tier];
    public static string Name(this ContextBand band) => Bands[(int)band];
    public static string Name(this Channel channel) => Channels[(int)channel];
    public static string Name(this InferenceGeo geo) => Geos[(int)geo];
    public static string Name(this Speed speed) => Speeds[(int)speed];

    public static bool TryParseTokenKind(ReadOnlySpan<char> text, out TokenKind kind) => TryFind(Kinds, text, out kind);
    public static bool TryParseServiceTier(ReadOnlySpan<char> text, out ServiceTier tier) => TryFind(Tiers, text, out tier);
    public static bool TryParseContextBand(ReadOnlySpan<char> text, out ContextBand band) => TryFind(Bands, text, out band);
    public static bool TryParseChannel(ReadOnlySpan<char> text, out Channel channel) => TryFind(Channels, text, out channel);
    public static bool TryParseInferenceGeo(ReadOnlySpan<char> text, out InferenceGeo geo) => TryFind(Geos, text, out geo);
    public static bool TryParseSpeed(ReadOnlySpan<char> text, out Speed speed) => TryFind(Speeds, text, out speed);

    private static bool TryFind<T>(string[] names, ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value) where T : struct, Enum
    {
        text = text.Trim();
        for (var i = 0; i < names.Length; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                value = (T)Enum.ToObject(typeof(T), i);
                return true;
            }
        }
        value = default;
        return false;
    }
}
