using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit import anthropic</c>: placeholder until the Admin API client lands.</summary>
internal static class ImportAnthropicCommand
{
    public static Command Create()
    {
        var command = new Command("anthropic", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit import anthropic: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
