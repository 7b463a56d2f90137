using Microsoft.EntityFrameworkCore;

namespace Recommit.Storage;

/// <summary>The store on SQLite, with its own migrations (Migrations/Sqlite).</summary>
internal sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options) : StoreContext(options)
{
    public override StoreProvider Provider => StoreProvider.Sqlite;
}
