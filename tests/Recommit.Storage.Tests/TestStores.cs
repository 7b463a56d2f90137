using Npgsql;

namespace Recommit.Storage.Tests;

/// <summary>
/// The databases the storage suite runs on. PostgreSQL comes from <c>RECOMMIT_TEST_POSTGRES</c> (an admin connection
/// string; <c>scripts/test</c> starts a server and sets it): each store gets a fresh database. Without it the
/// PostgreSQL tests skip locally and fail when <c>CI=true</c>.
/// </summary>
public static class TestStores
{
    public const string PostgresVariable = "RECOMMIT_TEST_POSTGRES";

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (in CI) when no PostgreSQL server was given.</summary>
    public static string RequirePostgres()
    {
        if (PostgresAdmin is { } admin) return admin;
        if (InCi) throw new InvalidOperationException($"{PostgresVariable} is not set: scripts/test starts PostgreSQL and sets it; CI must run the PostgreSQL suite");
        Skip.If(true, $"{PostgresVariable} is not set; run scripts/test to start PostgreSQL");
        return "";
    }

    /// <summary>A new empty PostgreSQL database on the test server; returns its connection string.</summary>
    public static string NewPostgres()
    {
        var admin = RequirePostgres();
        var name = "recommit_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }
}
