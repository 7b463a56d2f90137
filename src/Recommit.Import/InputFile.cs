using System.Text;

namespace Recommit.Import;

/// <summary>
/// Opening a file the user named, with one wording for every verb: "file not found", "is a folder, not a file", and a
/// cap on small configuration files (contract, levers, price book, key file) so an endless file (a link to
/// <c>/dev/zero</c>) is refused after a few megabytes instead of filling memory (docs/input-safety.md, "Size caps").
/// </summary>
public static class InputFile
{
    /// <summary>The most a contract or levers file may hold: 1 MiB (real ones are under 10 kB).</summary>
    public const int MaxConfigBytes = 1 << 20;

    /// <summary>The most a price-book file may hold: 16 MiB (the built-in one is about 25 kB).</summary>
    public const int MaxPriceBookBytes = 16 << 20;

    /// <summary>The most a key file may hold: 4 KiB.</summary>
    public const int MaxKeyBytes = 4 << 10;

    /// <summary>Throws the one "not found" / "is a folder" message when <paramref name="path"/> is not a readable file.</summary>
    public static void MustExist(string path, string? option = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path)) return;
        var shown = option is null ? path : $"{option} {path}";
        throw new ImportException(Directory.Exists(path) ? $"{shown}: is a folder, not a file" : $"{shown}: file not found");
    }

    /// <summary>
    /// Reads a small UTF-8 text file whole, refusing one longer than <paramref name="maxBytes"/> (read no further than
    /// that) or one that is not UTF-8; <paramref name="option"/> names the option in messages (<c>--contract</c>).
    /// </summary>
    public static string ReadSmallText(string path, string option, int maxBytes)
    {
        MustExist(path, option);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
            bytes = ReadAtMost(stream, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"{option} {path}: cannot read the file ({(e is UnauthorizedAccessException ? "permission denied" : e.Message.TrimEnd('.'))})");
        }
        if (bytes.Length > maxBytes)
            throw new ImportException($"{option} {path}: the file is larger than {Size(maxBytes)}, the most this kind of file may be; is it the right file?");
        return Decode(bytes, path, option);
    }

    /// <summary>Up to <paramref name="max"/> + 1 bytes of the stream (one more than allowed tells it is too long).</summary>
    private static byte[] ReadAtMost(Stream stream, int max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 14];
        int n;
        while (buffer.Length <= max && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length))) > 0) buffer.Write(chunk, 0, n);
        return buffer.ToArray();
    }

    /// <summary>UTF-8 (a byte-order mark is skipped); UTF-16 is recognised and refused with what to do.</summary>
    private static string Decode(byte[] bytes, string path, string option)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksUtf16(span))
            throw new ImportException($"{option} {path}: the file is UTF-16; save it as UTF-8");
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? e.Index : 0;
            var line = 1 + span[..Math.Min(at, span.Length)].Count((byte)'\n');
            throw new ImportException($"{option} {path}:{line}: a byte that is not UTF-8; save the file as UTF-8");
        }
    }

    /// <summary>UTF-16 without a byte-order mark: every other byte of the first ones is zero.</summary>
    internal static bool LooksUtf16(ReadOnlySpan<byte> span)
    {
        if (span.Length < 4) return false;
        var n = Math.Min(span.Length & ~1, 64);
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (span[i] == 0) evenZero++;
            if (span[i + 1] == 0) oddZero++;
        }
        // One byte of every pair zero and the other not: ASCII text in UTF-16 (all zeros is neither).
        return (evenZero == n / 2) != (oddZero == n / 2);
    }

    private static string Size(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";
}
