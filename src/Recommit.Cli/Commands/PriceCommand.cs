using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit price</c>: placeholder until its issue lands.</summary>
internal static class PriceCommand
{
    public static Command Create()
    {
        var command = new Command("price", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit price: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
