using System.Security.Cryptography;

namespace Recommit.Import.Output;

/// <summary>
/// Writes a set of files into a folder all or nothing: every file is first written into a fresh staging folder inside
/// the target (same file system, so the moves cannot run out of space), and only when all of them are written are
/// they moved over the old ones, each old file kept aside until the last move succeeded. A failure at any step leaves
/// the previous set as it was and no staging folder behind (docs/input-safety.md, "Output safety").
/// </summary>
public static class AtomicFolder
{
    /// <summary>
    /// Lets <paramref name="writeInto"/> write the set into a staging folder it is given, then moves the files into
    /// <paramref name="folder"/>; returns their final paths (in the order written). <paramref name="option"/> names
    /// the option in messages (<c>--out</c>).
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, string option, Action<string> writeInto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(writeInto);
        var target = Path.GetFullPath(folder);
        if (File.Exists(target)) throw new OutputException($"{option} {folder}: is a file; give a folder for the report files");
        string? stage = null;
        try
        {
            Directory.CreateDirectory(target);
            stage = Path.Combine(target, $".recommit-staging-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
            if (Directory.Exists(stage) || File.Exists(stage)) throw new IOException("the staging folder name is taken");
            var created = Directory.CreateDirectory(stage);
            if (created.LinkTarget is not null) throw new IOException("the staging folder is a link");
            writeInto(stage);
            var staged = Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(stage, f)).Order(StringComparer.Ordinal).ToList();
            return Commit(stage, target, staged);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{option} {folder}: cannot write the files ({AtomicFile.Reason(e)}); the files already there are untouched", e);
        }
        finally
        {
            if (stage is not null) TryDeleteFolder(stage);
        }
    }

    /// <summary>Moves each staged file over its target, keeping the old one aside until every move succeeded.</summary>
    private static List<string> Commit(string stage, string target, List<string> staged)
    {
        var aside = Path.Combine(stage, ".previous");
        var done = new List<(string Relative, bool HadOld)>();
        try
        {
            foreach (var relative in staged)
            {
                var destination = Path.Combine(target, relative);
                if (Directory.Exists(destination)) throw new IOException($"{relative} is a folder where a file belongs");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                var hadOld = File.Exists(destination);
                if (hadOld)
                {
                    var kept = Path.Combine(aside, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                    File.Move(destination, kept);
                }
                done.Add((relative, hadOld));
                File.Move(Path.Combine(stage, relative), destination);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RollBack(stage, target, aside, done);
            throw;
        }
        return [.. staged.Select(r => Path.Combine(target, r))];
    }

    private static void RollBack(string stage, string target, string aside, List<(string Relative, bool HadOld)> done)
    {
        for (var i = done.Count - 1; i >= 0; i--)
        {
            var (relative, hadOld) = done[i];
            var destination = Path.Combine(target, relative);
            try
            {
                if (File.Exists(destination) && !File.Exists(Path.Combine(stage, relative))) File.Delete(destination);
                if (hadOld) File.Move(Path.Combine(aside, relative), destination, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
