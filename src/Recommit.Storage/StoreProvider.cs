namespace Recommit.Storage;

/// <summary>The two databases the store runs on.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file in WAL mode: the default, nothing to install.</summary>
    Sqlite = 0,
    /// <summary>A PostgreSQL server through Npgsql.</summary>
    Postgres = 1,
}
