namespace Recommit.Storage.Tests;

/// <summary>The storage suite on a real PostgreSQL server (a fresh database per store).</summary>
public sealed class PostgresStorageTests : StorageSuite
{
    protected override string NewConnection() => TestStores.NewPostgres();
}
