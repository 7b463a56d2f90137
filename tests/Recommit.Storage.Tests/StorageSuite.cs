using Microsoft.EntityFrameworkCore;
using Recommit.Pricing;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;
using Recommit.Storage.Contracts;
using Recommit.Storage.Usage;
using Recommit.Storage.Users;

namespace Recommit.Storage.Tests;

/// <summary>
/// The storage suite, run against every database the store supports (one subclass per database, as Npgsql's and
/// Dapper's provider suites do): migrations, idempotent and overlapping imports, round trips, concurrent imports,
/// contract versions, analyses on stored accounts and access tokens.
/// </summary>
public abstract class StorageSuite : IDisposable
{
    /// <summary>A new empty store's connection string (skips or fails when the database is not available).</summary>
    protected abstract string NewConnection();

    private readonly string _files = Directory.CreateTempSubdirectory("recommit-usage-").FullName;

    /// <summary>A new folder among the test's files, removed with them.</summary>
    protected string NewFolder() => Directory.CreateDirectory(Path.Combine(_files, Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Removes the test's usage files (several MB each) and store folders, so runs do not fill the disk.</summary>
    public void Dispose()
    {
        Directory.Delete(_files, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected async Task<(Store Store, int AccountId)> NewAccountAsync(string name = "acme")
    {
        var store = new Store(NewConnection());
        await store.MigrateAsync();
        await using var db = store.Open();
        var account = new Account { Name = name, CreatedUtc = DateTime.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return (store, account.Id);
    }

    protected static async Task<ImportRecord> ImportAsync(Store store, int accountId, string path)
    {
        var batch = UsageBatch.Read([path], null, PriceBook.Default);
        await using var db = store.Open();
        return await new UsageStore(db).ImportAsync(accountId, batch, [path]);
    }

    protected static async Task<(long Cells, long Tokens)> TotalsAsync(Store store, int accountId)
    {
        await using var db = store.Open();
        return await new UsageStore(db).TotalsAsync(accountId);
    }

    [SkippableFact]
    public async Task Migrating_twice_leaves_the_store_as_it_was()
    {
        var store = new Store(NewConnection());
        await store.MigrateAsync();
        await store.MigrateAsync();
        await using var db = store.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await store.PingAsync());
    }

    [SkippableFact]
    public async Task Importing_the_same_export_twice_changes_nothing()
    {
        var (store, id) = await NewAccountAsync();
        var file = UsageFiles.Write(_files, "usage.csv", new DateOnly(2026, 1, 1), 20, 2, 1000);
        var first = await ImportAsync(store, id, file);
        var once = await TotalsAsync(store, id);
        await ImportAsync(store, id, file);
        Assert.Equal(once, await TotalsAsync(store, id));
        Assert.Equal(UsageFiles.Cells(20, 2), once.Cells);
        Assert.Equal(first.RowsRead, first.Accepted + first.Rejected);
    }

    [SkippableFact]
    public async Task An_overlapping_export_replaces_the_days_it_covers_and_keeps_the_others()
    {
        var (store, id) = await NewAccountAsync();
        var january = UsageFiles.Write(_files, "a.csv", new DateOnly(2026, 1, 1), 10, 1, 1000);   // Jan 1–10
        var later = UsageFiles.Write(_files, "b.csv", new DateOnly(2026, 1, 6), 10, 1, 7);        // Jan 6–15, other values
        await ImportAsync(store, id, january);
        await ImportAsync(store, id, later);

        await using var db = store.Open();
        var (cube, _) = await new UsageStore(db).ReadAsync(id);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 15)), cube.DayRange);
        var expected = new Dictionary<(DateOnly, string, Recommit.Usage.TokenKind), long>();
        foreach (var (key, tokens) in UsageBatch.Read([january], null, PriceBook.Default).Cube.Cells()) expected[(key.Day, key.Model, key.Kind)] = tokens;
        foreach (var (key, tokens) in UsageBatch.Read([later], null, PriceBook.Default).Cube.Cells()) expected[(key.Day, key.Model, key.Kind)] = tokens;
        Assert.Equal(expected.Count, cube.Count);
        foreach (var (key, tokens) in cube.Cells()) Assert.Equal(expected[(key.Day, key.Model, key.Kind)], tokens);
    }

    [SkippableFact]
    public async Task The_stored_cube_reads_back_cell_for_cell()
    {
        var (store, id) = await NewAccountAsync();
        var file = UsageFiles.Write(_files, "usage.csv", new DateOnly(2025, 12, 30), 5, 3, 123_456_789);
        await ImportAsync(store, id, file);
        var imported = UsageBatch.Read([file], null, PriceBook.Default).Cube;
        await using var db = store.Open();
        var (read, spend) = await new UsageStore(db).ReadAsync(id);
        Assert.Equal(imported.Cells().ToList(), read.Cells().ToList());
        Assert.Empty(spend.Rows);
    }

    [SkippableFact]
    public async Task A_usage_snapshot_is_reused_until_the_account_imports_again()
    {
        var (store, id) = await NewAccountAsync();
        var snapshots = new UsageSnapshots();
        await ImportAsync(store, id, UsageFiles.Write(_files, "a.csv", new DateOnly(2026, 1, 1), 10, 1, 1000));
        await using var db = store.Open();
        var first = (await snapshots.ReadAsync(db, id)).Cube;
        Assert.Same(first, (await snapshots.ReadAsync(db, id)).Cube);

        await ImportAsync(store, id, UsageFiles.Write(_files, "b.csv", new DateOnly(2026, 1, 6), 10, 1, 7));
        var after = (await snapshots.ReadAsync(db, id)).Cube;
        Assert.NotSame(first, after);
        Assert.Equal((await new UsageStore(db).ReadAsync(id)).Cube.Cells().ToList(), after.Cells().ToList());
    }

    [SkippableFact]
    public async Task Concurrent_imports_into_one_account_neither_lose_nor_double_cells()
    {
        var (store, id) = await NewAccountAsync();
        var a = UsageFiles.Write(_files, "a.csv", new DateOnly(2026, 2, 1), 15, 2, 11);
        var b = UsageFiles.Write(_files, "b.csv", new DateOnly(2026, 3, 1), 15, 2, 13);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => ImportAsync(store, id, i % 2 == 0 ? a : b))));

        var expected = UsageBatch.Read([a, b], null, PriceBook.Default).Cube;
        Assert.Equal((expected.Count, expected.Cells().Sum(c => c.Tokens)), await TotalsAsync(store, id));
        await using var db = store.Open();
        Assert.Equal(6, await db.Imports.CountAsync(i => i.AccountId == id));
    }

    [SkippableFact]
    public async Task Imports_into_one_account_leave_another_untouched()
    {
        var (store, id) = await NewAccountAsync();
        int other;
        await using (var db = store.Open())
        {
            var account = new Account { Name = "other", CreatedUtc = DateTime.UtcNow };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            other = account.Id;
        }
        var file = UsageFiles.Write(_files, "usage.csv", new DateOnly(2026, 1, 1), 3, 1, 5);
        await ImportAsync(store, other, file);
        var before = await TotalsAsync(store, other);
        await ImportAsync(store, id, file);
        Assert.Equal(before, await TotalsAsync(store, other));
    }

    [SkippableFact]
    public async Task An_analysis_of_a_stored_account_stores_analysis_json_and_its_key_figures()
    {
        var (store, id) = await NewAccountAsync("northwind");
        var demo = Path.Combine(RepoRoot(), "data", "demo", "northwind");
        await ImportAsync(store, id, Path.Combine(demo, "usage.csv"));
        await using var db = store.Open();
        db.ContractVersions.Add(new ContractVersion { AccountId = id, Version = 1, Label = "current", Json = File.ReadAllText(Path.Combine(demo, "contract.json")), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var runner = new AnalysisRunner(db, PriceBook.Default);
        var queued = await runner.QueueAsync(id, new AnalysisOptions { Paths = 200 });
        var result = await runner.RunAsync(queued.Id);
        var stored = await db.Analyses.AsNoTracking().SingleAsync(a => a.Id == queued.Id);

        Assert.NotNull(result);
        Assert.Equal(AnalysisStatus.Done, stored.Status);
        Assert.Equal("durable-overage", stored.GapClass);
        Assert.Equal(result.CostOfDoingNothing.Mean.RoundedToCents.Value, stored.CostOfDoingNothingMean);
        Assert.Contains("\"costOfDoingNothing\"", stored.ResultJson, StringComparison.Ordinal);
        // The same request on the same stored data gives the same figures (seeded).
        var again = await runner.WhatIfAsync(id, new AnalysisOptions { Paths = 200 });
        Assert.Equal(stored.ResultJson, Recommit.Reports.Json.AnalysisJson.Serialize(again));
    }

    [SkippableFact]
    public async Task An_analysis_of_an_account_without_usage_fails_with_a_message_saying_so()
    {
        var (store, id) = await NewAccountAsync();
        await using var db = store.Open();
        db.ContractVersions.Add(new ContractVersion { AccountId = id, Version = 1, Label = "current", Json = File.ReadAllText(Path.Combine(RepoRoot(), "data", "demo", "northwind", "contract.json")), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var runner = new AnalysisRunner(db, PriceBook.Default);
        var queued = await runner.QueueAsync(id, new AnalysisOptions { Paths = 100 });
        Assert.Null(await runner.RunAsync(queued.Id));
        var stored = await db.Analyses.AsNoTracking().SingleAsync(a => a.Id == queued.Id);
        Assert.Equal(AnalysisStatus.Failed, stored.Status);
        Assert.Contains("no usage stored yet", stored.Progress, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Access_tokens_are_stored_as_hashes_and_stop_working_when_revoked()
    {
        var store = new Store(NewConnection());
        await store.MigrateAsync();
        await using var db = store.Open();
        var user = new StoreUser { UserName = "a@example.com", Email = "a@example.com" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var tokens = new AccessTokens(db);
        var (token, secret) = await tokens.CreateAsync(user.Id, "script", null);

        Assert.StartsWith(AccessTokens.Scheme, secret, StringComparison.Ordinal);
        Assert.Equal(token.Id, (await tokens.FindAsync(secret))?.Id);
        Assert.Null(await tokens.FindAsync(secret + "x"));
        var stored = await db.AccessTokens.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(stored.Hash), StringComparison.Ordinal);
        Assert.True(await tokens.RevokeAsync(user.Id, token.Id));
        Assert.Null(await tokens.FindAsync(secret));
    }

    [SkippableFact]
    public async Task An_import_killed_midway_leaves_all_of_it_or_none_and_a_rerun_gives_the_same_totals()
    {
        var connection = NewConnection();
        var store = new Store(connection);
        await store.MigrateAsync();
        await using (var db = store.Open())
        {
            db.Accounts.Add(new Account { Name = "big", CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var file = UsageFiles.Write(_files, "big.csv", new DateOnly(2024, 1, 1), 200, 40, 1_000);
        var cube = UsageBatch.Read([file], null, PriceBook.Default).Cube;
        var full = ((long)cube.Count, cube.Cells().Sum(c => c.Tokens));

        var killed = await CliImport.RunAsync(connection, file, "big", killWhenStoring: true);
        Assert.True(killed.Killed, $"the import finished (exit {killed.ExitCode}) before it could be killed; stderr: {killed.Stderr}");
        var afterKill = await TotalsAsync(store, 1);
        Assert.True(afterKill == (0, 0) || afterKill == full, $"after the kill the store holds {afterKill}, neither nothing nor the whole import {full}");
        await using (var db = store.Open())
            Assert.Equal(afterKill == full ? 1 : 0, await db.Imports.CountAsync());

        var rerun = await CliImport.RunAsync(connection, file, "big", killWhenStoring: false);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(full, await TotalsAsync(store, 1));
        await CliImport.RunAsync(connection, file, "big", killWhenStoring: false);
        Assert.Equal(full, await TotalsAsync(store, 1));
    }

    internal static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Recommit.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Recommit.slnx not found above the test folder");
        return dir;
    }
}
