using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit import</c>: placeholder until its issue lands.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit import: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
