using System.Globalization;

namespace Recommit.Import.Internals;

/// <summary>Strict parsers for the fields of usage files; each says what was expected and what was found.</summary>
internal static class FieldParsers
{
    /// <summary>Clips untrusted text for a message.</summary>
    public static string Clip(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";

    /// <summary>A text field for a CSV the tool writes (<see cref="Output.CsvText.Field"/>).</summary>
    public static string CsvEscape(string s) => Output.CsvText.Field(s);

    /// <summary>The most tokens one row may hold: 10¹⁵ (no account uses that in a day; sums stay far inside 64 bits).</summary>
    public const long MaxRowCount = 1_000_000_000_000_000;

    /// <summary>The most dollars one row may hold: $10¹² (sums of millions of rows stay exact in decimal).</summary>
    public const decimal MaxRowUsd = 1_000_000_000_000m;

    /// <summary>
    /// A UTC day from <c>yyyy-MM-dd</c> or an ISO-8601 timestamp (an offset is converted to UTC; none means UTC),
    /// inside <see cref="UsageWindow"/>.
    /// </summary>
    public static bool TryParseUtcDay(string text, out DateOnly day, out string error)
    {
        if (!TryParseAnyUtcDay(text, out day, out error)) return false;
        if (UsageWindow.Contains(day)) return true;
        error = UsageWindow.Outside(day);
        return false;
    }

    private static bool TryParseAnyUtcDay(string text, out DateOnly day, out string error)
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
            if (value is >= 0 and <= MaxRowCount) return true;
            error = value < 0 ? $"'{Clip(s)}' is negative" : TooLarge(s);
            return false;
        }
        if (s.Length == 0) error = "empty";
        else if (decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (d < 0) error = $"'{Clip(s)}' is negative";
            else if (d == decimal.Truncate(d) && d <= MaxRowCount) { value = (long)d; return true; }
            else if (d > MaxRowCount) error = TooLarge(s);
            else error = $"'{Clip(s)}' is not a whole number";
        }
        else if (s.All(char.IsAsciiDigit)) error = TooLarge(s);
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
            if (value is >= 0 and <= MaxRowUsd) return true;
            error = value < 0 ? $"'{Clip(text.Trim())}' is negative" : $"'{Clip(text.Trim())}' is more than {MaxRowUsd:N0} dollars in one row";
            return false;
        }
        error = s.Length == 0 ? "empty" : $"'{Clip(text.Trim())}' is not an amount";
        return false;
    }

    private static string TooLarge(string s) => $"'{Clip(s)}' is too large (at most {MaxRowCount:N0} in one row)";
}
