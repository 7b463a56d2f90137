using System.CommandLine;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Import;
using Recommit.Levers;
using Recommit.Negotiation;
using Recommit.Money;
using Recommit.Pricing;
using Spectre.Console;

namespace Recommit.Cli.Internals;

/// <summary>Loading the inputs the commands share (price book, contract, levers) with errors that name the file.</summary>
internal static class CliInputs
{
    /// <summary>
    /// Reads a small configuration file whole; a missing, unreadable, oversized or non-UTF-8 file is bad input naming
    /// the option and the path (<see cref="InputFile"/>).
    /// </summary>
    public static string ReadText(string path, string option, int maxBytes = InputFile.MaxConfigBytes) =>
        InputFile.ReadSmallText(path, option, maxBytes);

    /// <summary>The built-in price book, with the user's file laid over it when given.</summary>
    public static PriceBook PriceBook(string? pricesPath) =>
        pricesPath is null ? Pricing.PriceBook.Default : Pricing.PriceBook.Default.Overlay(ReadText(pricesPath, "--prices", InputFile.MaxPriceBookBytes), pricesPath);

    public static Contract Contract(string path, string option = "--contract") => ContractJson.Parse(ReadText(path, option), path);

    public static LeverPlan Levers(string? path) => path is null ? LeverPlan.None : LeverFile.Parse(ReadText(path, "--levers"), path);

    public static NegotiationAssumptions Assumptions(string? path) =>
        path is null ? NegotiationAssumptions.Default : AssumptionsJson.Parse(ReadText(path, "--assumptions"), path);

    public static System.Collections.Immutable.ImmutableArray<Package> Scenarios(string? path) =>
        path is null ? [] : ScenarioFile.Parse(ReadText(path, "--scenarios"), path);

    /// <summary>Resolves file model names to the price book's canonical ids; unknown names are kept and flagged.</summary>
    public static ModelNameResolver Resolver(PriceBook book) => (string name, out string canonical) =>
    {
        if (book.TryResolve(name, out var id))
        {
            canonical = id.Value;
            return true;
        }
        canonical = name;
        return false;
    };

    /// <summary>Rows read, accepted and rejected (the first 20 rejections) on stderr.</summary>
    public static void WriteImportSummary(ImportReport report, TextWriter stderr)
    {
        stderr.WriteLine(report.Summary);
        foreach (var row in report.RejectedRows.Take(20)) stderr.WriteLine($"  rejected {row}");
        if (report.Rejected > 20) stderr.WriteLine($"  … and {report.Rejected - 20:N0} more rejected rows");
    }

    /// <summary>The reconciliation an analysis or a view carries into its output.</summary>
    public static UsageSource Source(ImportReport report) =>
        new(report.File, report.Format, report.RowsRead, report.Accepted, report.Rejected, report.RejectedListUsd is { } usd ? new Usd(usd) : null);

    /// <summary>Under <c>--strict</c>, any rejected row is bad input: exit 2 naming the file and the first rejected row.</summary>
    public static void CheckStrict(ImportReport report, bool strict)
    {
        if (!strict || report.Rejected == 0) return;
        var first = report.RejectedRows.IsDefaultOrEmpty ? "" : $"; first: {report.RejectedRows[0]}";
        throw new InputException($"{report.File}: --strict: {report.Rejected:N0} row(s) rejected{first}");
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
