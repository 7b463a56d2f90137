using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// One item of a saved page's <c>data[]</c> (a bucket or a row), held whole, with the line of the page it starts on:
/// a byte offset in the item turns into the page's 1-based line number (offsets are asked for in increasing order,
/// so counting is incremental).
/// </summary>
internal sealed class JsonSource(string file, byte[] bytes, long firstLine = 1)
{
    private readonly long _firstLine = firstLine;
    private long _countedTo;
    private long _line = firstLine;

    public string File { get; } = file;
    public byte[] Bytes { get; } = bytes;

    public long LineAt(long offset)
    {
        if (offset < _countedTo) { _countedTo = 0; _line = _firstLine; }
        offset = Math.Min(offset, Bytes.Length);
        _line += Bytes.AsSpan((int)_countedTo, (int)(offset - _countedTo)).Count((byte)'\n');
        _countedTo = offset;
        return _line;
    }

    public ImportException Malformed(JsonException e) =>
        new(File, e.LineNumber is { } l ? _firstLine + l : null, $"malformed JSON: {Clip(e.Message)}");

    public ImportException Shape(long offset, string message) => new(File, LineAt(offset), message);

    internal static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
