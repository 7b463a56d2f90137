namespace Recommit.Import.Internals;

/// <summary>Opens a billing table as CSV or Parquet, chosen by the Parquet magic bytes.</summary>
internal static class TableSource
{
    public static ITableRows Open(string path)
    {
        if (IsParquet(path)) return ParquetTable.Open(path);
        var text = FileText.Open(path);
        try
        {
            return CsvTable.Open(text, path);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    public static bool IsParquet(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Span<byte> magic = stackalloc byte[4];
            return stream.Length >= 8 && stream.Read(magic) == 4 && magic.SequenceEqual("PAR1"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, null, $"cannot read the file: {e.Message}");
        }
    }
}
