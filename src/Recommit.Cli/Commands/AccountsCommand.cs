using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Recommit.Cli.Internals;
using Recommit.Contracts;
using Recommit.Storage;
using Recommit.Storage.Accounts;
using Recommit.Storage.Contracts;
using Recommit.Storage.Usage;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit accounts list|show|add|contract</c>: the accounts in the store, one account's contracts, usage and
/// analyses, a new account (optionally with its contract), and a new contract version of an account.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var command = new Command("accounts", "Accounts in the store: list, show, add, and add a contract version");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(AddContract());
        return command;
    }

    private static Command List()
    {
        var store = CliStore.Option();
        var command = new Command("list", "List the accounts with their latest analysis") { store };
        command.SetAction(parse => Run(parse, store, async (db, stdout) =>
        {
            var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Name).ToListAsync();
            stdout.WriteLine("id\tname\tgap\tcost of doing nothing (mean)\tlast analysis");
            foreach (var a in accounts)
            {
                var last = await db.Analyses.AsNoTracking().Where(x => x.AccountId == a.Id && x.Status == Storage.Analyses.AnalysisStatus.Done)
                    .OrderByDescending(x => x.FinishedUtc).FirstOrDefaultAsync();
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{a.Id}\t{a.Name}\t{last?.GapClass ?? "-"}\t{(last?.CostOfDoingNothingMean is { } m ? new Money.Usd(m).ToString() : "-")}\t{last?.FinishedUtc?.ToString("yyyy-MM-dd HH:mm") ?? "-"}"));
            }
        }));
        return command;
    }

    private static Command Show()
    {
        var store = CliStore.Option();
        var account = new Argument<string>("account") { Description = "Account name or id" };
        var command = new Command("show", "Show an account: contract versions, usage imports and analyses") { account, store };
        command.SetAction(parse => Run(parse, store, async (db, stdout) =>
        {
            var a = await CliStore.AccountAsync(db, parse.GetValue(account)!);
            stdout.WriteLine($"{a.Name} (id {a.Id}), created {a.CreatedUtc:yyyy-MM-dd}");
            foreach (var c in await db.ContractVersions.AsNoTracking().Where(c => c.AccountId == a.Id).OrderBy(c => c.Version).ToListAsync())
                stdout.WriteLine($"contract v{c.Version} ({c.Label}), {c.CreatedUtc:yyyy-MM-dd}");
            var (cells, tokens) = await new UsageStore(db).TotalsAsync(a.Id);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"usage: {cells:N0} cells, {tokens:N0} tokens"));
            foreach (var i in await db.Imports.AsNoTracking().Where(i => i.AccountId == a.Id).OrderBy(i => i.Id).ToListAsync())
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"import {i.Id}: {i.Files} ({i.Formats}) {i.RowsRead:N0} rows read = {i.Accepted:N0} accepted + {i.Rejected:N0} rejected; {i.Cells:N0} cells {i.FirstDay:yyyy-MM-dd}..{i.LastDay:yyyy-MM-dd}"));
            foreach (var x in await db.Analyses.AsNoTracking().Where(x => x.AccountId == a.Id).OrderBy(x => x.CreatedUtc).ToListAsync())
                stdout.WriteLine($"analysis {x.Id}: {x.Status.ToString().ToLowerInvariant()} ({x.Progress}) {x.GapClass ?? ""}");
        }));
        return command;
    }

    private static Command Add()
    {
        var store = CliStore.Option();
        var name = new Argument<string>("name") { Description = "Account name (unique)" };
        var contract = new Option<string?>("--contract") { Description = "Contract JSON file (docs/contracts.md), stored as version 1" };
        var command = new Command("add", "Add an account, optionally with its contract") { name, contract, store };
        command.SetAction(parse => Run(parse, store, async (db, stdout) =>
        {
            var accountName = parse.GetValue(name)!.Trim();
            if (accountName.Length is 0 or > 200) throw new InputException("name: give an account name of 1 to 200 characters");
            if (await db.Accounts.AnyAsync(a => a.Name == accountName)) throw new InputException($"name: an account '{accountName}' already exists");
            var json = parse.GetValue(contract) is { } path ? ContractText(path) : null;
            var account = new Account { Name = accountName, CreatedUtc = DateTime.UtcNow };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            if (json is not null) await AddVersionAsync(db, account.Id, json, "current");
            stdout.WriteLine($"added account {account.Name} (id {account.Id}){(json is null ? "" : " with contract v1")}");
        }));
        return command;
    }

    private static Command AddContract()
    {
        var store = CliStore.Option();
        var account = new Argument<string>("account") { Description = "Account name or id" };
        var file = new Argument<string>("file") { Description = "Contract JSON file (docs/contracts.md)" };
        var label = new Option<string>("--label") { Description = "What this version is: current, proposed, signed…", DefaultValueFactory = _ => "current" };
        var command = new Command("contract", "Add a contract version to an account (earlier versions are kept)") { account, file, label, store };
        command.SetAction(parse => Run(parse, store, async (db, stdout) =>
        {
            var a = await CliStore.AccountAsync(db, parse.GetValue(account)!);
            var version = await AddVersionAsync(db, a.Id, ContractText(parse.GetValue(file)!), parse.GetValue(label) ?? "current");
            stdout.WriteLine($"account {a.Name}: contract v{version.Version} ({version.Label})");
        }));
        return command;
    }

    /// <summary>Reads and validates a contract file; the stored text is the file as given.</summary>
    private static string ContractText(string path)
    {
        var json = CliInputs.ReadText(path, "--contract");
        ContractJson.Parse(json, path);
        return json;
    }

    internal static async Task<ContractVersion> AddVersionAsync(StoreContext db, int accountId, string json, string label)
    {
        var next = (await db.ContractVersions.Where(c => c.AccountId == accountId).MaxAsync(c => (int?)c.Version) ?? 0) + 1;
        var version = new ContractVersion { AccountId = accountId, Version = next, Label = label, Json = json, CreatedUtc = DateTime.UtcNow };
        db.ContractVersions.Add(version);
        await db.SaveChangesAsync();
        return version;
    }

    /// <summary>Opens (and migrates) the store, runs the body with a context, maps errors to exit codes.</summary>
    internal static int Run(ParseResult parse, Option<string?> store, Func<StoreContext, TextWriter, Task> body)
    {
        var stdout = parse.InvocationConfiguration.Output;
        return CliContext.Guard(parse, parse.InvocationConfiguration.Error, () =>
        {
            RunAsync().GetAwaiter().GetResult();
            return ExitCodes.Success;
        });

        async Task RunAsync()
        {
            var opened = await CliStore.OpenAsync(parse.GetValue(store));
            await using var db = opened.Open();
            await body(db, stdout);
        }
    }
}
