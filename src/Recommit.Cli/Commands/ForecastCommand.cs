using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit forecast</c>: placeholder until its issue lands.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var command = new Command("forecast", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit forecast: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
