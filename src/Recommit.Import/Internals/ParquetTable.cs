using System.Data.Common;
using DuckDB.NET.Data;

namespace Recommit.Import.Internals;

/// <summary>
/// A Parquet file read row by row through DuckDB with every column as text, so that the same row validation serves
/// CSV and Parquet. <see cref="Line"/> is the 1-based row number.
/// </summary>
internal sealed class ParquetTable : ITableRows
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _command;
    private readonly DbDataReader _reader;
    private readonly string _file;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    private ParquetTable(string path)
    {
        _file = path;
        _connection = DuckDb.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = $"SELECT COLUMNS(*)::VARCHAR FROM read_parquet({DuckDb.Literal(path)})";
        try
        {
            _reader = _command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            _command.Dispose();
            _connection.Dispose();
            throw new ImportException(path, null, $"cannot read the Parquet file: {FirstLine(e.Message)}");
        }
        for (var i = 0; i < _reader.FieldCount; i++) _columns.TryAdd(_reader.GetName(i), i);
    }

    public static ParquetTable Open(string path) => new(path);

    /// <summary>The schema's column names.</summary>
    public static IReadOnlyCollection<string> ColumnNames(string path)
    {
        try
        {
            using var connection = DuckDb.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM parquet_schema({DuckDb.Literal(path)}) WHERE coalesce(num_children, 0) = 0";
            using var reader = command.ExecuteReader();
            var names = new List<string>();
            while (reader.Read()) names.Add(reader.GetString(0));
            return names;
        }
        catch (DuckDBException e)
        {
            throw new ImportException(path, null, $"cannot read the Parquet schema: {FirstLine(e.Message)}");
        }
    }

    public int ColumnCount => _reader.FieldCount;
    public int FieldCount => _reader.FieldCount;
    public bool HasAllColumns => true;
    public long Line { get; private set; }
    IEnumerable<string> ITableRows.ColumnNames => _columns.Keys;

    public int Required(string name) =>
        _columns.TryGetValue(name, out var i) ? i
            : throw new ImportException(_file, null, $"missing required column '{name}' (found: {string.Join(", ", _columns.Keys.Take(20))})");

    public int Optional(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    public bool Read()
    {
        try
        {
            var ok = _reader.Read();
            if (ok) Line++;
            return ok;
        }
        catch (DuckDBException e)
        {
            throw new ImportException(_file, Line + 1, $"cannot read the Parquet row: {FirstLine(e.Message)}");
        }
    }

    public string Get(int ordinal) => ordinal < 0 || _reader.IsDBNull(ordinal) ? "" : _reader.GetString(ordinal);

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
        _connection.Dispose();
    }

    internal static string FirstLine(string message) => FieldParsers.Clip(message.Split('\n', 2)[0].Trim(), 200);
}
