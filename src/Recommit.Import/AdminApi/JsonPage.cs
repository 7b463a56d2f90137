namespace Recommit.Import.AdminApi;

/// <summary>
/// Where a saved page comes from — a file, or bytes already in memory — read by <see cref="JsonPageReader"/> one item
/// of <c>data[]</c> at a time. <see cref="File"/> names it in messages.
/// </summary>
internal sealed record JsonPage(string File, byte[]? Bytes)
{
    /// <summary>The largest saved page read: the same 512 MiB the client accepts from the API (docs/input-safety.md, "Size caps").</summary>
    public const long MaxBytes = 512L << 20;

    /// <summary>The most read from a source that reports no length (a device or a pipe): 64 MiB.</summary>
    public const long MaxUnsizedBytes = 64L << 20;

    public static JsonPage OnDisk(string path) => new(path, null);

    public static JsonPage InMemory(byte[] json, string name) => new(name, json);

    /// <summary>Streams the page, calling <paramref name="item"/> to read each item of <c>data[]</c>, with its index.</summary>
    public PageEnvelope Read(string noun, PageItemReader item)
    {
        if (Bytes is not null)
        {
            using var memory = new MemoryStream(Bytes, writable: false);
            return JsonPageReader.Read(memory, File, long.MaxValue, noun, item);
        }
        FileStream stream;
        try
        {
            stream = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(File, null, $"cannot read the file: {e.Message}");
        }
        using (stream)
        {
            // A regular file says its length: too long is refused before reading. A device or pipe reports none and
            // is read up to a smaller cap.
            var length = stream.Length;
            if (length > MaxBytes)
                throw new ImportException(File, null, $"the file is larger than {MaxBytes >> 20} MiB, the most one saved API page may be; is it a saved page?");
            return JsonPageReader.Read(stream, File, length > 0 ? MaxBytes : MaxUnsizedBytes, noun, item);
        }
    }
}
