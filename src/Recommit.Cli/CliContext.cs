using System.CommandLine;
using System.Text.RegularExpressions;

namespace Recommit.Cli;

/// <summary>What every command shares: the --verbose switch and the mapping of exceptions to exit codes.</summary>
internal static partial class CliContext
{
    /// <summary>
    /// Replaces anything shaped like an Anthropic key (<c>sk-ant-…</c>), a connection-string password or a personal
    /// access token with a placeholder: a secret typed as a stray argument must not be echoed back in a parse error or a
    /// failure message (docs/quality.md R6).
    /// </summary>
    public static string RedactSecrets(string text) =>
        TokenShape().Replace(PasswordShape().Replace(KeyShape().Replace(text, "sk-ant-[redacted]"), "$1=[redacted]"), "rct_[redacted]");

    [GeneratedRegex(@"sk-ant-[A-Za-z0-9_\-]+")]
    private static partial Regex KeyShape();

    /// <summary>A connection string's password (<c>Password=…</c>, <c>Pwd=…</c>) up to the next semicolon.</summary>
    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*[^;]*")]
    private static partial Regex PasswordShape();

    /// <summary>A personal access token of the web app.</summary>
    [GeneratedRegex(@"rct_[A-Za-z0-9_\-]+")]
    private static partial Regex TokenShape();

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
            stderr.WriteLine($"recommit: {RedactSecrets(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("recommit: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"recommit: unexpected failure: {e.GetType().Name}: {RedactSecrets(e.Message)}");
            if (parse.GetValue(VerboseOption)) stderr.WriteLine(RedactSecrets(e.ToString()));
            else stderr.WriteLine("Run again with --verbose for the stack trace.");
            return ExitCodes.Failure;
        }
    }
}
