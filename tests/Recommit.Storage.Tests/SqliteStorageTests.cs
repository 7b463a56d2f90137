using Microsoft.EntityFrameworkCore;

namespace Recommit.Storage.Tests;

/// <summary>The storage suite on an embedded SQLite file.</summary>
public sealed class SqliteStorageTests : StorageSuite
{
    protected override string NewConnection() => Path.Combine(NewFolder(), "recommit.db");

    [Fact]
    public async Task A_new_store_file_is_in_wal_mode()
    {
        var store = new Store(NewConnection());
        await store.MigrateAsync();
        await using var db = store.Open();
        await using var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
