using System.Globalization;

namespace Recommit.Import.Internals;

/// <summary>Strict parsers for the fields of usage files; each says what was expected and what was found.</summary>
internal static class FieldParsers
{
    /// <summary>Clips untrusted text for a message.</summary>
    public static string Clip(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";

    public static string CsvEscape(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>A UTC day from <c>yyyy-MM-dd</c> or an ISO-8601 timestamp (an offset is converted to UTC; none means UTC).</summary>
    public static bool TryParseUtcDay(string text, out DateOnly day, out string error)
    {
        var s = text.Trim();
        error = "";
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) return true;
        if (s.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase)) s = s[..^4] + "Z";
        // "+00" or "-05" (hours only, as DuckDB and BigQuery print offsets) → "+00:00".
        if (s.Length > 13 && s[^3] is '+' or '-' && char.IsAsciiDigit(s[^2]) && char.IsAsciiDigit(s[^1]) && s[^6] != '-') s += ":00";
        if (s.Length > 10 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts))
        {
            day = DateOnly.FromDateTime(ts.UtcDateTime);
            return true;
        }
        error = $"'{Clip(text.Trim())}' is not a date (expected yyyy-MM-dd or an ISO-8601 timestamp)";
        return false;
    }

    /// <summary>A non-negative whole count (tokens, searches). Rejects NaN, negatives, fractions and overflow.</summary>
    public static bool TryParseCount(string text, out long value, out string error)
    {
        var s = text.Trim();
        error = "";
        if (long.TryParse(s, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value))
        {
            if (value >= 0) return true;
            error = $"'{Clip(s)}' is negative";
            return false;
        }
        if (s.Length == 0) error = "empty";
        else if (decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (d < 0) error = $"'{Clip(s)}' is negative";
            else if (d == decimal.Truncate(d) && d <= long.MaxValue) { value = (long)d; return true; }
            else if (d > long.MaxValue) error = $"'{Clip(s)}' is too large";
            else error = $"'{Clip(s)}' is not a whole number";
        }
        else if (s.All(char.IsAsciiDigit)) error = $"'{Clip(s)}' is too large";
        else error = $"'{Clip(s)}' is not a number";
        return false;
    }

    /// <summary>A non-negative dollar amount. Rejects NaN, infinities, negatives and overflow.</summary>
    public static bool TryParseMoney(string text, out decimal value, out string error)
    {
        var s = text.Trim().TrimStart('$');
        error = "";
        if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            if (value >= 0) return true;
            error = $"'{Clip(text.Trim())}' is negative";
            return false;
        }
        error = s.Length == 0 ? "empty" : $"'{Clip(text.Trim())}' is not an amount";
        return false;
    }
}
