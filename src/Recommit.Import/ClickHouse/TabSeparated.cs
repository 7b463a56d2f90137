using System.Text;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// ClickHouse's TabSeparated rows: fields split on tabs, <c>\N</c> for NULL, and backslash escapes
/// (<c>\t \n \r \\ \' \b \f \0</c>) inside strings.
/// </summary>
internal static class TabSeparated
{
    public static string?[] Split(string line)
    {
        var fields = new List<string?>(12);
        var start = 0;
        while (true)
        {
            var tab = line.IndexOf('\t', start);
            var end = tab < 0 ? line.Length : tab;
            fields.Add(Field(line.AsSpan(start, end - start)));
            if (tab < 0) break;
            start = tab + 1;
        }
        return [.. fields];
    }

    private static string? Field(ReadOnlySpan<char> raw)
    {
        if (raw is @"\N") return null;
        if (raw.IndexOf('\\') < 0) return raw.ToString();
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i == raw.Length - 1)
            {
                sb.Append(raw[i]);
                continue;
            }
            sb.Append(raw[++i] switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '0' => '\0',
                var other => other,
            });
        }
        return sb.ToString();
    }
}
