using System.Diagnostics;

namespace Recommit.Bench;

/// <summary>
/// S5: the web app under load. Runs <c>bench/s5-web</c> (wrk at 32 connections on GET of the latest stored analysis for
/// 30 s, then 20 single-client 1,000-path what-ifs; a quick run uses 5 s and 5 what-ifs) and takes its table rows, each
/// judged by the script against the docs/quality.md bars, with the machine's load average in its heading.
/// </summary>
public sealed class WebLoadCheck : IQualityCheck
{
    public string Id => "S5";
    public string Title => "Web app under load (wrk) and the 1,000-path what-if";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var (seconds, runs) = context.Quick ? ("5", "5") : ("30", "20");
        var info = new ProcessStartInfo(Path.Combine(context.RepositoryRoot, "bench", "s5-web"), [seconds, runs])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = context.RepositoryRoot,
        };
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        context.Log.Write(errors.Result);
        if (process.ExitCode != 0) throw new InvalidOperationException($"bench/s5-web exited with {process.ExitCode}: {errors.Result.Trim().Split('\n')[^1]}");

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var load = lines.FirstOrDefault(l => l.StartsWith("Recommit S5", StringComparison.Ordinal)) is { } heading && heading.IndexOf("load average", StringComparison.Ordinal) is var at and >= 0
            ? heading[at..].TrimEnd(')')
            : "load average not read";
        foreach (var row in lines.Where(l => l.StartsWith("| S5 |", StringComparison.Ordinal)))
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 6) continue;
            yield return new QualityFigure(Id, cells[1], cells[2], cells[3], cells[4] == "yes", $"{cells[5]}; {load}{(context.Quick ? "; quick run" : "")}");
        }
    }
}
