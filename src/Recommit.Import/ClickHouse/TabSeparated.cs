using System.Runtime.CompilerServices;
using System.Text;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// ClickHouse's TabSeparated rows: fields split on tabs, <c>\N</c> for NULL, and backslash escapes
/// (<c>\t \n \r \\ \' \b \f \0</c>) inside strings.
/// </summary>
internal static class TabSeparated
{
    /// <summary>
    /// Where each field of a row of the answer's UTF-8 bytes lies, without copying: fills <paramref name="fields"/>
    /// and returns how many there are (at most its length; more fields count but are not recorded).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Ranges(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var tab = line[start..].IndexOf((byte)'\t');
            var end = tab < 0 ? line.Length : start + tab;
            if (count < fields.Length) fields[count] = new Range(start, end);
            count++;
            if (tab < 0) return count;
            start = end + 1;
        }
    }

    /// <summary>A field's text from its UTF-8 bytes (an invalid byte becomes U+FFFD): null for <c>\N</c>, escapes resolved.</summary>
    public static string? Text(ReadOnlySpan<byte> raw) => IsNull(raw) ? null : Field(Encoding.UTF8.GetString(raw));

    public static bool IsNull(ReadOnlySpan<byte> raw) => raw is [(byte)'\\', (byte)'N'];

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
