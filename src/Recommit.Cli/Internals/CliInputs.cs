using Recommit.Contracts;
using Recommit.Import;
using Recommit.Levers;
using Recommit.Negotiation;
using Recommit.Pricing;
using Spectre.Console;

namespace Recommit.Cli.Internals;

/// <summary>Loading the inputs the commands share (price book, contract, levers) with errors that name the file.</summary>
internal static class CliInputs
{
    /// <summary>Reads a whole text file; an unreadable file is bad input naming the option and the path.</summary>
    public static string ReadText(string path, string option)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{option} {path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>The built-in price book, with the user's file laid over it when given.</summary>
    public static PriceBook PriceBook(string? pricesPath) =>
        pricesPath is null ? Pricing.PriceBook.Default : Pricing.PriceBook.Default.Overlay(ReadText(pricesPath, "--prices"), pricesPath);

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
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
