using System.Text;

namespace Recommit.Import.Internals;

/// <summary>Finds the line of the first byte sequence that is not UTF-8 in a file, reading it in blocks.</summary>
internal static class Utf8Lines
{
    /// <summary>The 1-based line of the first invalid byte, or null when the file is valid UTF-8 (or cannot be read).</summary>
    public static long? FirstInvalidLine(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            var bytes = new byte[1 << 16];
            var chars = new char[(1 << 16) + 4];
            long line = 1;
            int n;
            while ((n = stream.Read(bytes)) > 0)
            {
                try
                {
                    decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
                }
                catch (DecoderFallbackException e)
                {
                    var at = Math.Clamp(e.Index, 0, n);
                    return line + bytes.AsSpan(0, at).Count((byte)'\n');
                }
                line += bytes.AsSpan(0, n).Count((byte)'\n');
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
