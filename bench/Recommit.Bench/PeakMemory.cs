using System.Diagnostics;
using System.Globalization;

namespace Recommit.Bench;

/// <summary>
/// Peak memory of work done in a fresh process of this program (so nothing the bench itself holds counts): the child
/// prints its output and, last, its peak resident set (VmHWM).
/// </summary>
internal static class PeakMemory
{
    /// <summary>Runs this program with <paramref name="args"/>; the lines it printed, or null when it failed.</summary>
    public static IReadOnlyList<string>? RunChild(IEnumerable<string> args, TextWriter log, string label)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        // Under the dotnet host the program is its first argument.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var child = Process.Start(info)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode == 0) return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        log.WriteLine($"{label}: the memory child process failed (exit {child.ExitCode})");
        return null;
    }

    /// <summary>This process's peak resident bytes (VmHWM), or 0 when /proc cannot say.</summary>
    public static long PeakResidentBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is null) return 0;
            var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kb * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}
