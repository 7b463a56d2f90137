namespace Recommit.Import.ClickHouse;

/// <summary>
/// One filter of <c>--where COLUMN=VALUE</c> (or <c>COLUMN!=VALUE</c>): the column's text compared with a value.
/// Filters on the same column and sign are alternatives (any value matches); filters on different columns all hold.
/// The value is data, never SQL: it is sent as a quoted literal the importer escapes itself (the 18.x servers have no
/// query parameters), and the column must be a plain identifier that the table has.
/// </summary>
public sealed record ClickHouseFilter(string Column, string Value, bool Negated = false, bool IgnoreCase = false)
{
    /// <summary>Parses <c>COLUMN=VALUE</c> or <c>COLUMN!=VALUE</c>.</summary>
    public static ClickHouseFilter Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new ImportException($"--where: '{Clip(text)}' is not COLUMN=VALUE or COLUMN!=VALUE");
        var negated = text[eq - 1] == '!';
        var column = text[..(negated ? eq - 1 : eq)].Trim();
        ClickHouseSql.CheckIdentifier(column, "--where");
        var value = text[(eq + 1)..];
        if (value.Any(char.IsControl)) throw new ImportException($"--where {column}: the value holds a control character");
        return new ClickHouseFilter(column, value, negated);
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
