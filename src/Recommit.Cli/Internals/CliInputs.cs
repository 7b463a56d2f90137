using System.CommandLine;
using Recommit.Import;
using Spectre.Console;

namespace Recommit.Cli.Internals;

/// <summary>What the commands share beyond reading their inputs (<see cref="AnalysisInputs"/>): summaries, --strict, plain output.</summary>
internal static class CliInputs
{
    /// <summary>
    /// Reads a small configuration file whole; a missing, unreadable, oversized or non-UTF-8 file is bad input naming
    /// the option and the path (<see cref="InputFile"/>).
    /// </summary>
    public static string ReadText(string path, string option, int maxBytes = InputFile.MaxConfigBytes) =>
        InputFile.ReadSmallText(path, option, maxBytes);

    /// <summary>Rows read, accepted and rejected (the first 20 rejections) on stderr.</summary>
    public static void WriteImportSummary(ImportReport report, TextWriter stderr)
    {
        stderr.WriteLine(report.Summary);
        foreach (var row in report.RejectedRows.Take(20)) stderr.WriteLine($"  rejected {row}");
        if (report.Rejected > 20) stderr.WriteLine($"  … and {report.Rejected - 20:N0} more rejected rows");
    }

    /// <summary>The <c>--strict</c> option of every verb that reads usage.</summary>
    public static Option<bool> StrictOption() => new("--strict") { Description = "Refuse the input (exit 2) when any usage row is rejected, instead of going on without it" };

    /// <summary>A Spectre console writing plain text (no colour, no cursor tricks) to <paramref name="writer"/>.</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer, int width = 120)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>True when <paramref name="writer"/> is the real console and it is an interactive terminal (progress is shown then).</summary>
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(Terminal.Unwrap(writer), Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
