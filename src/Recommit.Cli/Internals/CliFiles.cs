using System.Text;

namespace Recommit.Cli.Internals;

/// <summary>Files the commands write beside their output.</summary>
internal static class CliFiles
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) to a temporary file beside <paramref name="path"/> and moves it over,
    /// so a failed write leaves any earlier file whole; an unwritable path is bad input naming the option.
    /// </summary>
    public static void WriteAtomically(string path, string option, string text)
    {
        var temporary = path + ".tmp";
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new InputException($"{option} {path}: cannot write the file: {e.Message}");
        }
    }
}
