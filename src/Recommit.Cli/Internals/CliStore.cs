using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Recommit.Storage;
using Recommit.Storage.Accounts;
using Recommit.Storage.Users;

namespace Recommit.Cli.Internals;

/// <summary>
/// The store the commands work on: <c>--store CONNECTION</c> (a SQLite file or connection string, or a PostgreSQL
/// connection string), else the <c>RECOMMIT_STORE</c> environment variable, else <c>recommit.db</c> in the working
/// folder. It is created and migrated on first use.
/// </summary>
internal static class CliStore
{
    public const string EnvironmentVariable = "RECOMMIT_STORE";

    public static Option<string?> Option() => new("--store")
    {
        Description = $"Store: a SQLite file or connection string, or a PostgreSQL connection string (default: ${EnvironmentVariable}, else {Store.DefaultFile})",
    };

    public static Option<string?> AccountOption(string description) => new("--account") { Description = description };

    public static string Connection(string? option) =>
        option ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env : Store.DefaultFile);

    public static async Task<Store> OpenAsync(string? option)
    {
        var store = new Store(Connection(option));
        await store.MigrateAsync();
        return store;
    }

    /// <summary>The account named (or numbered) <paramref name="nameOrId"/>; a missing one is bad input.</summary>
    public static async Task<Account> AccountAsync(StoreContext db, string nameOrId)
    {
        var byName = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Name == nameOrId);
        if (byName is not null) return byName;
        if (int.TryParse(nameOrId, out var id) && await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) is { } byId) return byId;
        throw new InputException($"--account: no account '{nameOrId}' in the store (see 'recommit accounts list')");
    }

    /// <summary>Identity on the store, for creating users from the command line.</summary>
    public static ServiceProvider IdentityServices(Store store)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<StoreContext>(_ => store.Open());
        services.AddStoreIdentity();
        return services.BuildServiceProvider();
    }
}
