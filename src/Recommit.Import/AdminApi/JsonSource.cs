using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// A saved JSON response held in memory, with a line counter that turns a byte offset into a 1-based line number
/// (offsets are asked for in increasing order, so counting is incremental).
/// </summary>
internal sealed class JsonSource(string file, byte[] bytes)
{
    private long _countedTo;
    private long _line = 1;

    public string File { get; } = file;
    public byte[] Bytes { get; } = bytes;

    /// <summary>The largest saved page read: the same 512 MiB the client accepts from the API (docs/input-safety.md, "Size caps").</summary>
    public const long MaxBytes = 512L << 20;

    /// <summary>The most read from a source that reports no length (a device or a pipe): 64 MiB.</summary>
    public const long MaxUnsizedBytes = 64L << 20;

    public static JsonSource Load(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            // A regular file says its length: too long is refused before reading, else the buffer is sized once.
            var length = stream.Length;
            if (length > MaxBytes)
                throw new ImportException(path, null, $"the file is larger than {MaxBytes >> 20} MiB, the most one saved API page may be; is it a saved page?");
            using var buffer = new MemoryStream((int)length);
            // A device or pipe reports no length: it is read up to a smaller cap.
            var cap = length > 0 ? MaxBytes : MaxUnsizedBytes;
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > cap)
                    throw new ImportException(path, null, $"the file is larger than {cap >> 20} MiB, the most one saved API page may be; is it a saved page?");
                buffer.Write(chunk, 0, n);
            }
            return new JsonSource(path, buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            throw new ImportException(path, null, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>The payload without a UTF-8 byte-order mark.</summary>
    public ReadOnlySpan<byte> Payload => Bytes.AsSpan().StartsWith("\uFEFF"u8) ? Bytes.AsSpan(3) : Bytes;

    public long LineAt(long offset)
    {
        var payload = Payload;
        if (offset < _countedTo) { _countedTo = 0; _line = 1; }
        offset = Math.Min(offset, payload.Length);
        _line += payload[(int)_countedTo..(int)offset].Count((byte)'\n');
        _countedTo = offset;
        return _line;
    }

    public ImportException Malformed(JsonException e) =>
        new(File, e.LineNumber is { } l ? l + 1 : null, $"malformed JSON: {Clip(e.Message)}");

    public ImportException Shape(long offset, string message) => new(File, LineAt(offset), message);

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
