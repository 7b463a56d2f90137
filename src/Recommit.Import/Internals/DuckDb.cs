using DuckDB.NET.Data;

namespace Recommit.Import.Internals;

/// <summary>An in-process DuckDB connection set up for imports: UTC session time zone, bounded memory.</summary>
internal static class DuckDb
{
    /// <summary>DuckDB's memory limit for imports: large files stream through, spilling to disk past this.</summary>
    public const string MemoryLimit = "512MB";

    public static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"SET TimeZone = 'UTC'; SET memory_limit = '{MemoryLimit}';");
        return connection;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A SQL identifier.</summary>
    public static string Identifier(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
