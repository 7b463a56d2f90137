using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// How user-supplied names and values reach the SQL text: identifiers must match <c>[A-Za-z_][A-Za-z0-9_.]*</c> (a
/// dot for nested columns) and are quoted with backticks; values are single-quoted with every quote and backslash
/// escaped, and dates are formatted by the importer. Nothing the user types is ever placed in the query unchecked.
/// </summary>
internal static partial class ClickHouseSql
{
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]{0,127}$")]
    private static partial Regex IdentifierShape();

    public static void CheckIdentifier(string name, string option)
    {
        if (!IdentifierShape().IsMatch(name) || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
            throw new ImportException($"{option}: '{(name.Length <= 40 ? name : name[..40] + "…")}' is not a plain name (letters, digits and _; a dot only inside a nested column's name)");
    }

    /// <summary>A checked identifier in backticks.</summary>
    public static string Identifier(string name)
    {
        CheckIdentifier(name, "name");
        return "`" + name + "`";
    }

    /// <summary>A string literal: quotes and backslashes escaped, control characters written as escapes.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '\'': sb.Append("\\'"); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(ch)) sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)ch:X2}");
                    else sb.Append(ch);
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }

    public static string Date(DateOnly day) => "toDate('" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "')";

    public static string DateTimeUtc(DateOnly day) => "toDateTime('" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00', 'UTC')";
}
