namespace Recommit.Import.AdminApi;

/// <summary>
/// The bytes an item of a saved page's <c>data[]</c> is read from (the reader's window, the item somewhere in it), with
/// the page line the window starts on: a reader offset in the window turns into the page's 1-based line number
/// (offsets are asked for in increasing order, so counting is incremental).
/// </summary>
internal sealed class JsonSource(string file, ReadOnlyMemory<byte> bytes, long firstLine)
{
    private readonly long _firstLine = firstLine;
    private long _countedTo;
    private long _line = firstLine;

    public string File { get; } = file;
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public long LineAt(long offset)
    {
        if (offset < _countedTo) { _countedTo = 0; _line = _firstLine; }
        offset = Math.Min(offset, Bytes.Length);
        _line += Bytes.Span[(int)_countedTo..(int)offset].Count((byte)'\n');
        _countedTo = offset;
        return _line;
    }

    public ImportException Shape(long offset, string message) => new(File, LineAt(offset), message);

    internal static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
