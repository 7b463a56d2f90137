using Sylvan.Data.Csv;

namespace Recommit.Import.Internals;

/// <summary>
/// A thin reader over Sylvan's CSV parser that finds columns by header name (case-insensitive), reports the physical
/// line of each record, and tells ragged rows apart. Missing required columns are an <see cref="ImportException"/>.
/// </summary>
internal sealed class CsvTable : ITableRows
{
    private readonly CsvDataReader _reader;
    private readonly string _file;
    private readonly Dictionary<string, int> _columns;

    private readonly TextReader _text;
    private bool _anyRow;

    private CsvTable(CsvDataReader reader, string file, TextReader text)
    {
        _reader = reader;
        _file = file;
        _text = text;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i).Trim().Trim('\uFEFF');
            _columns.TryAdd(name, i);
        }
    }

    public static CsvTable Open(TextReader text, string file, char? delimiter = null)
    {
        CsvDataReader reader;
        try
        {
            var options = new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = delimiter ?? ',',
                BufferSize = 1 << 16,
                // Long untrusted fields are clipped in messages, not refused.
                MaxBufferSize = 1 << 24,
            };
            reader = CsvDataReader.Create(text, options);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw NotUtf8(text, file);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException)
        {
            throw new ImportException(file, 1, $"cannot read the CSV header: {e.Message}");
        }
        if (reader.FieldCount == 0 || (reader.FieldCount == 1 && reader.GetName(0).Trim().Length == 0))
            throw new ImportException(file, null, "the file is empty (no header row)");
        return new CsvTable(reader, file, text);
    }

    /// <summary>
    /// A file that is not UTF-8, refused naming the line of the first invalid byte: the parser reads ahead in large
    /// blocks, so the line it was on says little; the file is read again from the start to find it.
    /// </summary>
    private static ImportException NotUtf8(TextReader text, string file)
    {
        var line = text is StreamReader { BaseStream: FileStream { CanSeek: true } } && File.Exists(file) ? Utf8Lines.FirstInvalidLine(file) : null;
        return new ImportException(file, line, "a byte that is not UTF-8; save the file as UTF-8");
    }

    /// <summary>Number of header columns.</summary>
    public int ColumnCount => _reader.FieldCount;

    /// <summary>Number of fields in the current row.</summary>
    public int FieldCount => _reader.RowFieldCount;

    public bool HasAllColumns => _reader.RowFieldCount >= _reader.FieldCount;

    /// <summary>The 1-based line on which the current record starts (the header is line 1).</summary>
    public long Line { get; private set; } = 1;

    public IEnumerable<string> ColumnNames => _columns.Keys;

    public int Required(string name) =>
        _columns.TryGetValue(name, out var i) ? i
            : throw new ImportException(_file, 1, $"missing required column '{name}' (found: {string.Join(", ", _columns.Keys.Take(20))})");

    public int Optional(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    public bool Read()
    {
        try
        {
            var ok = _reader.Read();
            // Sylvan numbers data records from 1; the header is line 1, so record n starts on line n + 1
            // (records with quoted line breaks shift later lines; the message then names the record).
            if (ok) Line = _reader.RowNumber + 1;
            // A header and nothing else is not an import of nothing: the README promises "no data rows", exit 2.
            if (!ok && !_anyRow) throw new ImportException(_file, null, "no data rows (the file holds only a header)");
            _anyRow = true;
            return ok;
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw NotUtf8(_text, _file);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException)
        {
            throw new ImportException(_file, Line + 1, $"malformed CSV: {e.Message}");
        }
    }

    public string Get(int ordinal) => ordinal >= 0 && ordinal < _reader.RowFieldCount ? _reader.GetString(ordinal) : "";

    public void Dispose() => _reader.Dispose();
}
