using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Recommit.Cli.Internals;
using Recommit.Storage.Users;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit users add EMAIL --role admin|analyst</c>: creates a user (the first admin, typically) with the password
/// read from standard input, never from an argument, so it stays out of shell history and process lists.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var store = CliStore.Option();
        var email = new Argument<string>("email") { Description = "The user's email (their sign-in name)" };
        var role = new Option<string>("--role") { Description = "admin or analyst", Required = true };
        var add = new Command("add", "Add a user; the password (at least 12 characters) is read from standard input") { email, role, store };
        add.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            return CliContext.Guard(parse, parse.InvocationConfiguration.Error, () =>
            {
                var password = Console.In.ReadLine()?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password)) throw new InputException("password: none on standard input (pipe it in, e.g. 'read -s p; echo \"$p\" | recommit users add …')");
                var user = AddAsync(parse.GetValue(store), parse.GetValue(email)!, password, parse.GetValue(role)!).GetAwaiter().GetResult();
                stdout.WriteLine($"added {user.Email} as {parse.GetValue(role)}");
                return ExitCodes.Success;
            });
        });
        var command = new Command("users", "Users of the web app") { add };
        return command;
    }

    private static async Task<StoreUser> AddAsync(string? storeOption, string email, string password, string role)
    {
        var store = await CliStore.OpenAsync(storeOption);
        await using var services = CliStore.IdentityServices(store);
        await using var scope = services.CreateAsyncScope();
        return await StoreIdentity.CreateUserAsync(scope.ServiceProvider, email.Trim(), password, role.Trim().ToLowerInvariant());
    }
}
