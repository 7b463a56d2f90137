using System.CommandLine;
using Recommit.Cli.Internals;
using Recommit.Web;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit serve [--urls URL] [--store S]</c>: the shared workspace's server. In an empty folder it creates and
/// migrates <c>recommit.db</c>; it binds 127.0.0.1:5080 unless told otherwise; settings also come from appsettings.json
/// and <c>Recommit__*</c> environment variables. Ctrl+C stops it gracefully.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {RecommitWeb.DefaultUrl}; loopback only unless you say otherwise)" };
        var store = CliStore.Option();
        var command = new Command("serve", "Run the web app and JSON API on the store") { urls, store };
        command.SetAction(parse => CliContext.Guard(parse, parse.InvocationConfiguration.Error, () =>
        {
            var args = new List<string>();
            if (parse.GetValue(urls) is { } u) args.AddRange(["--urls", u]);
            var connection = parse.GetValue(store) ?? Environment.GetEnvironmentVariable(CliStore.EnvironmentVariable);
            if (connection is { Length: > 0 }) args.AddRange([$"--{WebOptions.Section}:Store", connection]);
            RecommitWeb.RunAsync([.. args]).GetAwaiter().GetResult();
            return ExitCodes.Success;
        }));
        return command;
    }
}
