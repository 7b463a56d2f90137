using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit analyze</c>: placeholder until its issue lands.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var command = new Command("analyze", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit analyze: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
