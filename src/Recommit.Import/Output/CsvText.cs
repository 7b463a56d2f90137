namespace Recommit.Import.Output;

/// <summary>
/// Text fields of the CSVs the tool writes (usage and spend exports, forecasts), made safe to open in a spreadsheet:
/// a field that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be run as a formula,
/// so it gets a leading apostrophe (<c>'=HYPERLINK(…)</c>), and a field holding a comma, quote or line break is
/// quoted. Only names are touched, never numbers (a negative forecast stays <c>-5</c>). The tool's own readers take
/// the apostrophe off again, so an export re-imports to the same names (docs/input-safety.md, "Output safety").
/// </summary>
internal static class CsvText
{
    /// <summary>The field as written: neutralised, then quoted when it must be.</summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Length > 0 && IsTrigger(text[0]) ? "'" + text : text;
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// <summary>A field as read back: the apostrophe <see cref="Field"/> put before a formula character is taken off.</summary>
    public static string Unneutralised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length >= 2 && text[0] == '\'' && IsTrigger(text[1]) ? text[1..] : text;
    }

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
