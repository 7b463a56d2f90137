using System.Security.Cryptography;
using System.Text;

namespace Recommit.Import.Output;

/// <summary>
/// Writes a file all at once: the content goes to a temporary file with a fresh random name in the target's folder,
/// created exclusively (it fails rather than open anything already there, a symbolic link included), and is then
/// renamed over the target. A failed write leaves the old file whole and no temporary file behind; the rename
/// replaces a link at the target rather than writing through it (docs/input-safety.md, "Output safety").
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes UTF-8 text (no byte-order mark) produced by <paramref name="write"/> to <paramref name="path"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteBytes(string path, ReadOnlyMemory<byte> bytes) => Write(path, s => s.Write(bytes.Span));

    /// <summary>Writes what <paramref name="write"/> puts on the stream to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new OutputException($"{path}: is a folder; give a file name to write to");
        var dir = Path.GetDirectoryName(full) ?? ".";
        string? temp = null;
        try
        {
            Directory.CreateDirectory(dir);
            temp = TempPath(dir, Path.GetFileName(full));
            using (var stream = CreateExclusive(temp))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(path, e);
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    /// <summary>
    /// Creates <paramref name="temp"/> (a <see cref="TempPath"/>) for writing, exclusively: it fails rather than open
    /// anything already there, a symbolic link included.
    /// </summary>
    internal static FileStream CreateExclusive(string temp) =>
        new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    /// <summary>Renames a finished temporary file over <paramref name="path"/>; on failure the temporary file is deleted.</summary>
    internal static void MoveInto(string temp, string path)
    {
        try
        {
            File.Move(temp, Path.GetFullPath(path), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Unwritable(path, e);
        }
    }

    /// <summary>The message of a write that failed, naming the file and the reason.</summary>
    internal static OutputException Unwritable(string path, Exception e) =>
        new($"{path}: cannot write the file ({Reason(e)}); nothing was changed there", e);

    /// <summary>A fresh name beside the target: <c>.name.&lt;random&gt;.tmp</c>, never reused.</summary>
    internal static string TempPath(string dir, string name) =>
        Path.Combine(dir, $".{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");

    /// <summary>The reason of an I/O failure in words, without the exception's type name.</summary>
    internal static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "the folder does not exist",
        _ when (e.HResult & 0xFFFF) == 28 => "no space left on the device",
        _ => e.Message.TrimEnd('.'),
    };

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
