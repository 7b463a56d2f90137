namespace Recommit.Import.Tests;

/// <summary>Paths of the hand-written fixtures and a small stand-in for the price book's aliases.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["claude-opus-5"] = "claude-opus-5",
        ["Claude Opus 5"] = "claude-opus-5",
        ["claude-sonnet-4-6"] = "claude-sonnet-4-6",
        ["claude-sonnet-4-5"] = "claude-sonnet-4-5",
        ["claude-sonnet-4-5-20250929"] = "claude-sonnet-4-5",
        ["Claude Sonnet 4.5"] = "claude-sonnet-4-5",
    };

    /// <summary>Resolves the handful of names the fixtures use; everything else is unknown.</summary>
    public static readonly ModelNameResolver Resolver = (string name, out string canonical) =>
    {
        if (Aliases.TryGetValue(name, out var c)) { canonical = c; return true; }
        canonical = name;
        return false;
    };

    public static Formats.ImportOptions Options { get; } = new() { Resolver = Resolver };

    /// <summary>Writes text to a fresh temporary file and returns its path.</summary>
    public static string Temp(string text, string extension = ".csv") => TempBytes(System.Text.Encoding.UTF8.GetBytes(text), extension);

    public static string TempBytes(byte[] bytes, string extension = ".csv")
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "recommit-import-tests");
        Directory.CreateDirectory(dir);
        var path = System.IO.Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
