namespace Recommit.Import.Internals;

/// <summary>Rows of a table found by column name, with the line (CSV) or row number (Parquet) of each.</summary>
internal interface ITableRows : IDisposable
{
    int ColumnCount { get; }
    int FieldCount { get; }
    bool HasAllColumns { get; }
    long Line { get; }
    IEnumerable<string> ColumnNames { get; }
    int Required(string name);
    int Optional(string name);
    bool Read();
    string Get(int ordinal);
}
