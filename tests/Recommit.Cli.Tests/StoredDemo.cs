namespace Recommit.Cli.Tests;

/// <summary>A temporary SQLite store holding the Northwind demo account (contract v1 and its usage), built through the CLI.</summary>
internal static class StoredDemo
{
    public const string Account = "northwind";

    public static string ContractFile => Repository.PathOf("data", "demo", Account, "contract.json");

    public static string UsageFile => Repository.PathOf("data", "demo", Account, "usage.csv");

    /// <summary>Creates the store in <paramref name="dir"/> and returns its path.</summary>
    public static string Northwind(string dir)
    {
        var store = Path.Combine(dir, "recommit.db");
        var add = CliRun.Of("accounts", "add", Account, "--contract", ContractFile, "--store", store);
        Assert.True(add.ExitCode == 0, add.Stderr);
        var import = CliRun.Of("import", UsageFile, "--account", Account, "--store", store);
        Assert.True(import.ExitCode == 0, import.Stderr);
        return store;
    }

    /// <summary>The JSON of every stored scenario and quote, oldest first.</summary>
    public static (List<string> Scenarios, List<string> Quotes) Runs(string store)
    {
        using var db = new Storage.Store(store).Open();
        return ([.. db.Scenarios.OrderBy(s => s.Id).Select(s => s.Json)], [.. db.Quotes.OrderBy(q => q.Id).Select(q => q.Json)]);
    }
}
