using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit demo</c>: placeholder until its issue lands.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit demo: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
