using System.Text;

namespace Recommit.Import;

/// <summary>
/// Writes an output file so that it is either the old file or the whole new one: the text goes to
/// <c>&lt;path&gt;.tmp</c> beside the target (UTF-8 without a byte-order mark) and is moved over it, so a failed write
/// (a full disk, a cancelled pull) never leaves a half-written file and never loses the one that was there.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes what <paramref name="write"/> produces to <paramref name="path"/>, creating its folder; a failure to
    /// write is an <see cref="ImportException"/> naming the path, and the temporary file is removed.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var tmp = path + ".tmp";
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } parent) Directory.CreateDirectory(parent);
            using (var writer = new StreamWriter(tmp, append: false, new UTF8Encoding(false))) write(writer);
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            throw new ImportException(path, null, $"cannot write: {e.Message}");
        }
    }
}
