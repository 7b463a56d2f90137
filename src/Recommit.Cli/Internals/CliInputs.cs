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

    // The commands read their inputs through AnalysisInputs (the library call the web server shares); these names stay
    // for the commands that still use them.

    /// <summary>The built-in price book, with the user's file laid over it when given (<see cref="AnalysisInputs.PriceBook"/>).</summary>
    public static Pricing.PriceBook PriceBook(string? pricesPath) => AnalysisInputs.PriceBook(pricesPath);

    /// <summary>A contract file (<see cref="AnalysisInputs.Contract"/>).</summary>
    public static Contracts.Contract Contract(string path, string option = "--contract") => AnalysisInputs.Contract(path, option);

    public static Negotiation.NegotiationAssumptions Assumptions(string? path) =>
        path is null ? Negotiation.NegotiationAssumptions.Default : Negotiation.AssumptionsJson.Parse(ReadText(path, "--assumptions"), path);

    public static System.Collections.Immutable.ImmutableArray<Negotiation.Package> Scenarios(string? path) =>
        path is null ? [] : Negotiation.ScenarioFile.Parse(ReadText(path, "--scenarios"), path);

    /// <summary>A levers file, or none (<see cref="AnalysisInputs.Levers"/>).</summary>
    public static Levers.LeverPlan Levers(string? path) => AnalysisInputs.Levers(path);

    /// <summary>Model names resolved through the price book (<see cref="AnalysisInputs.Resolver"/>).</summary>
    public static ModelNameResolver Resolver(Pricing.PriceBook book) => AnalysisInputs.Resolver(book);

    /// <summary>A file's reconciliation as outputs state it (<see cref="AnalysisInputs.Source"/>).</summary>
    public static Analysis.UsageSource Source(ImportReport report) => AnalysisInputs.Source(report);

    /// <summary>Under <c>--strict</c>, any rejected row is bad input (<see cref="AnalysisInputs.CheckStrict"/>).</summary>
    public static void CheckStrict(ImportReport report, bool strict) => AnalysisInputs.CheckStrict(report, strict);

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
