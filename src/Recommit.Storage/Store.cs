using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Recommit.Storage;

/// <summary>
/// Opens the store named by a connection string: a PostgreSQL one (<c>Host=…;Database=…;Username=…;Password=…</c>)
/// selects Npgsql; anything else is SQLite, either a connection string (<c>Data Source=recommit.db</c>) or just a file
/// path. The options are built once; each <see cref="Open"/> is a cheap new context.
/// </summary>
public sealed class Store
{
    /// <summary>The embedded store's file when nothing else is configured: <c>recommit.db</c> in the working folder.</summary>
    public const string DefaultFile = "recommit.db";

    private readonly DbContextOptions<SqliteStoreContext>? _sqlite;
    private readonly DbContextOptions<PostgresStoreContext>? _postgres;

    public Store(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        if (IsPostgres(connection))
        {
            Provider = StoreProvider.Postgres;
            var csb = new NpgsqlConnectionStringBuilder(connection);
            Description = $"PostgreSQL {csb.Host}:{csb.Port}/{csb.Database}";
            _postgres = new DbContextOptionsBuilder<PostgresStoreContext>().UseNpgsql(csb.ConnectionString).Options;
        }
        else
        {
            Provider = StoreProvider.Sqlite;
            var csb = connection.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connection)
                : new SqliteConnectionStringBuilder { DataSource = connection };
            csb.Pooling = true;
            if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
            Description = $"SQLite {csb.DataSource}";
            FilePath = csb.DataSource;
            _sqlite = new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite(csb.ConnectionString).Options;
        }
    }

    public StoreProvider Provider { get; }

    /// <summary>Where the store is, without any password: safe to log and print.</summary>
    public string Description { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>A new context; dispose it when done.</summary>
    public StoreContext Open() =>
        Provider == StoreProvider.Postgres ? new PostgresStoreContext(_postgres!) : new SqliteStoreContext(_sqlite!);

    /// <summary>
    /// Creates the database (the SQLite file, in WAL mode) and applies every migration not yet applied. Safe to run
    /// again; concurrent first starts on PostgreSQL are serialised by EF's migration lock.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellation = default)
    {
        if (FilePath is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir) Directory.CreateDirectory(dir);
        await using var db = Open();
        await db.Database.MigrateAsync(cancellation);
        if (Provider == StoreProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellation);
    }

    /// <summary>True when the store answers a trivial query.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellation = default)
    {
        await using var db = Open();
        return await db.Database.CanConnectAsync(cancellation);
    }

    /// <summary>Removes the password (and any other secret key) from an exception message about a connection.</summary>
    public static string Redact(string text, string connection)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(connection)) return text;
        var csb = new DbConnectionStringBuilder();
        try
        {
            csb.ConnectionString = connection;
        }
        catch (ArgumentException)
        {
            return text;
        }
        foreach (var key in new[] { "password", "pwd", "Password" })
            if (csb.TryGetValue(key, out var value) && value is string { Length: > 0 } secret)
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        return text;
    }

    private static bool IsPostgres(string connection)
    {
        if (!connection.Contains('=', StringComparison.Ordinal)) return false;
        var csb = new DbConnectionStringBuilder();
        try
        {
            csb.ConnectionString = connection;
        }
        catch (ArgumentException)
        {
            return false;
        }
        return csb.ContainsKey("host") || csb.ContainsKey("server");
    }
}
