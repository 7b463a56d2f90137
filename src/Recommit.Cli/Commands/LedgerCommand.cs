using System.CommandLine;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit ledger</c>: placeholder until its issue lands.</summary>
internal static class LedgerCommand
{
    public static Command Create()
    {
        var command = new Command("ledger", "(not yet available)");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("recommit ledger: not yet available in this build");
            return ExitCodes.Failure;
        });
        return command;
    }
}
