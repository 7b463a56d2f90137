using Recommit.Import.Output;

namespace Recommit.Cli.Internals;

/// <summary>Files the commands write beside their output.</summary>
internal static class CliFiles
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) through a fresh exclusive temporary file beside
    /// <paramref name="path"/> and moves it over (<see cref="AtomicFile"/>), so a failed write leaves any earlier file
    /// whole and a planted link is never written through; an unwritable path is bad input naming the option.
    /// </summary>
    public static void WriteAtomically(string path, string option, string text)
    {
        try
        {
            AtomicFile.WriteText(path, w => w.Write(text));
        }
        catch (OutputException e)
        {
            throw new InputException($"{option} {e.Message}", e);
        }
    }
}
