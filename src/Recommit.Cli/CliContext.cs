using System.CommandLine;

namespace Recommit.Cli;

/// <summary>What every command shares: the --verbose switch and the mapping of exceptions to exit codes.</summary>
internal static class CliContext
{
    public static readonly Option<bool> VerboseOption = new("--verbose") { Description = "Show stack traces for unexpected failures", Recursive = true };

    /// <summary>
    /// Runs a command: <see cref="InputException"/> (bad file, line or field) → message on stderr, exit 2;
    /// anything else → one line on stderr (stack trace with --verbose), exit 1.
    /// </summary>
    public static int Guard(ParseResult parse, TextWriter stderr, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (InputException e)
        {
            stderr.WriteLine($"recommit: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("recommit: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"recommit: unexpected failure: {e.GetType().Name}: {e.Message}");
            if (parse.GetValue(VerboseOption)) stderr.WriteLine(e.ToString());
            else stderr.WriteLine("Run again with --verbose for the stack trace.");
            return ExitCodes.Failure;
        }
    }
}
