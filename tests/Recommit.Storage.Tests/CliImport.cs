using System.Diagnostics;

namespace Recommit.Storage.Tests;

/// <summary>
/// Runs <c>recommit import FILE --account A</c> as a child process with the store in <c>RECOMMIT_STORE</c> (so no
/// password is on a command line); optionally kills it (SIGKILL) the moment it says it is storing, that is, inside
/// its transaction.
/// </summary>
internal static class CliImport
{
    public sealed record Outcome(bool Killed, int ExitCode, string Stderr);

    public static async Task<Outcome> RunAsync(string connection, string file, string account, bool killWhenStoring)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliPath(), "import", file, "--account", account }) start.ArgumentList.Add(arg);
        start.Environment["RECOMMIT_STORE"] = connection;
        using var process = Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        var killed = false;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.AppendLine(line);
            if (killWhenStoring && !killed && line.StartsWith("storing ", StringComparison.Ordinal))
            {
                process.Kill();
                killed = true;
            }
        }
        await process.WaitForExitAsync();
        await stdoutTask;
        return new Outcome(killed && process.ExitCode != 0, process.ExitCode, stderr.ToString());
    }

    /// <summary>The CLI built beside this test project, in the same configuration.</summary>
    private static string CliPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var path = Path.Combine(StorageSuite.RepoRoot(), "src", "Recommit.Cli", "bin", configuration, "net10.0", "Recommit.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build src/Recommit.Cli first", path);
    }
}
