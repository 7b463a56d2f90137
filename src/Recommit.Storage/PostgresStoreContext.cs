using Microsoft.EntityFrameworkCore;

namespace Recommit.Storage;

/// <summary>The store on PostgreSQL, with its own migrations (Migrations/Postgres).</summary>
internal sealed class PostgresStoreContext(DbContextOptions<PostgresStoreContext> options) : StoreContext(options)
{
    public override StoreProvider Provider => StoreProvider.Postgres;
}
