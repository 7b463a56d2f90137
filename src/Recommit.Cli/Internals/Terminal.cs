using System.Buffers;
using System.Globalization;
using System.Text;

namespace Recommit.Cli.Internals;

/// <summary>
/// Text from input files (model, workspace and file names, rejected cells) must not act on the reader's terminal: C0
/// and C1 control characters other than tab and line ends (ESC starts every terminal control sequence), DEL and the
/// bidirectional overrides are shown as <c>\u001B</c>-style escapes instead (docs/input-safety.md, "Output safety").
/// </summary>
internal static class Terminal
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary><paramref name="text"/> with every unsafe character written as <c>\uXXXX</c>.</summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.AsSpan().IndexOfAny(Unsafe);
        if (at < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unsafe.Contains(c)) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A name for one line of output: as <see cref="Safe"/>, and line ends and tabs escaped too, so a name cannot start
    /// a line of its own that looks like the tool's.
    /// </summary>
    public static string Name(string text)
    {
        var safe = Safe(text);
        return safe.AsSpan().IndexOfAny("\r\n\t") < 0 ? safe
            : safe.Replace("\r", "\\u000D", StringComparison.Ordinal).Replace("\n", "\\u000A", StringComparison.Ordinal).Replace("\t", "\\u0009", StringComparison.Ordinal);
    }

    /// <summary>A writer that passes everything through <see cref="Safe"/>; the CLI wraps its stdout and stderr in one.</summary>
    public static TextWriter Guard(TextWriter inner) => inner is SafeWriter ? inner : new SafeWriter(inner);

    /// <summary>The writer a <see cref="Guard"/> wraps (or the writer itself).</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is SafeWriter s ? s.Inner : writer;

    private sealed class SafeWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
    {
        public TextWriter Inner { get; } = inner;
        public override Encoding Encoding => Inner.Encoding;
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => Inner.NewLine; set => Inner.NewLine = value; }
        public override void Write(char value)
        {
            if (Unsafe.Contains(value)) Inner.Write(Safe(value.ToString()));
            else Inner.Write(value);
        }
        public override void Write(string? value)
        {
            if (value is not null) Inner.Write(Safe(value));
        }
        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (buffer.IndexOfAny(Unsafe) < 0) Inner.Write(buffer);
            else Inner.Write(Safe(buffer.ToString()));
        }
        public override void WriteLine(string? value)
        {
            Write(value);
            Inner.WriteLine();
        }
        public override void Flush() => Inner.Flush();
        public override string ToString() => Inner.ToString() ?? "";
    }
}
