using System.CommandLine;
using Recommit.Cli.Internals;

namespace Recommit.Cli.Commands;

/// <summary><c>recommit store migrate</c>: creates the store if needed and applies every migration not yet applied.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var store = CliStore.Option();
        var migrate = new Command("migrate", "Create the store if needed and apply its migrations") { store };
        migrate.SetAction(parse => CliContext.Guard(parse, parse.InvocationConfiguration.Error, () =>
        {
            var opened = CliStore.OpenAsync(parse.GetValue(store)).GetAwaiter().GetResult();
            parse.InvocationConfiguration.Output.WriteLine($"store up to date: {opened.Description}");
            return ExitCodes.Success;
        }));
        return new Command("store", "The store (SQLite file or PostgreSQL database)") { migrate };
    }
}
