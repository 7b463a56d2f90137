using Recommit.Usage;

namespace Recommit.Import.ConsoleExport;

/// <summary>The Console exports' spellings of tier, context band, geography and speed.</summary>
internal static class ConsoleLabels
{
    /// <summary><c>≤ 200k</c>, <c>&lt;= 200k</c>, <c>0-200k</c> or empty → standard; <c>&gt; 200k</c>, <c>200k-1M</c> → long.</summary>
    public static bool TryBand(string text, out ContextBand band)
    {
        var s = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        band = ContextBand.Standard;
        if (s.Length == 0 || s.StartsWith('≤') || s.StartsWith("<=", StringComparison.Ordinal) || s.StartsWith('<') || s.StartsWith("0-", StringComparison.Ordinal) || s == "standard") return true;
        if (s.StartsWith('>') || s.StartsWith('≥') || s.EndsWith("-1m", StringComparison.Ordinal) || s == "long") { band = ContextBand.Long; return true; }
        return false;
    }

    /// <summary><c>standard</c>, <c>message</c> or empty → standard; <c>batch</c>; <c>priority</c>.</summary>
    public static bool TryTier(string text, out ServiceTier tier)
    {
        var s = text.Trim().ToLowerInvariant();
        tier = ServiceTier.Standard;
        switch (s)
        {
            case "" or "standard" or "message" or "messages" or "standard_only": return true;
            case "batch" or "message_batch" or "batch_message": tier = ServiceTier.Batch; return true;
            case "priority": tier = ServiceTier.Priority; return true;
            default: return false;
        }
    }

    /// <summary><c>global</c>, <c>not_available</c> or empty → global; <c>us</c>.</summary>
    public static bool TryGeo(string text, out InferenceGeo geo)
    {
        var s = text.Trim().ToLowerInvariant();
        geo = s == "us" ? InferenceGeo.Us : InferenceGeo.Global;
        return s is "" or "global" or "not_available" or "us";
    }

    public static bool TrySpeed(string text, out Speed speed)
    {
        var s = text.Trim().ToLowerInvariant();
        speed = s == "fast" ? Speed.Fast : Speed.Standard;
        return s is "" or "standard" or "fast";
    }
}
