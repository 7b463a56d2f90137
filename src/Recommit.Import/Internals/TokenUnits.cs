using System.Globalization;
using Recommit.Import.Formats;

namespace Recommit.Import.Internals;

/// <summary>
/// Turns a billing file's usage amount into a whole token count: the unit text (<c>tokens</c>, <c>1K tokens</c>,
/// <c>1M tokens</c>, <c>count</c>) or a fixed scale gives the multiplier; a fractional result is rounded half away from
/// zero (billing files print thousands of tokens with decimals).
/// </summary>
internal static class TokenUnits
{
    /// <summary>The multiplier a unit text stands for, or null when it is not a token unit.</summary>
    public static long? Multiplier(string unit)
    {
        var u = unit.Trim().ToLowerInvariant().Replace("_", " ", StringComparison.Ordinal);
        if (u.Length == 0 || u is "tokens" or "token" or "count" or "counts" or "units" or "unit" or "requests" or "request") return 1;
        if (u.Contains("million", StringComparison.Ordinal) || u.StartsWith("1m", StringComparison.Ordinal) || u.Contains("mtok", StringComparison.Ordinal)) return 1_000_000;
        if (u.Contains("thousand", StringComparison.Ordinal) || u.StartsWith("1k", StringComparison.Ordinal) || u.StartsWith("1000 ", StringComparison.Ordinal) || u.StartsWith("k ", StringComparison.Ordinal)) return 1000;
        if (u.Contains("token", StringComparison.Ordinal)) return 1;
        return null;
    }

    public static bool TryTokens(string amountText, long multiplier, out long tokens, out string error)
    {
        tokens = 0;
        error = "";
        var s = amountText.Trim();
        if (s.Length == 0) { error = "empty"; return false; }
        if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            error = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) ? $"'{FieldParsers.Clip(s)}' is too large" : $"'{FieldParsers.Clip(s)}' is not a number";
            return false;
        }
        if (amount < 0) { error = $"'{FieldParsers.Clip(s)}' is negative"; return false; }
        try
        {
            var scaled = decimal.Round(amount * multiplier, 0, MidpointRounding.AwayFromZero);
            if (scaled > long.MaxValue) { error = $"'{FieldParsers.Clip(s)}' is too large"; return false; }
            tokens = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            error = $"'{FieldParsers.Clip(s)}' is too large";
            return false;
        }
    }

    public static long Scale(TokenUnitScale scale) => (long)scale;
}
