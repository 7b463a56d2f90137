using System.Text;
using System.Text.Json;
using Recommit.Import.Internals;

namespace Recommit.Import.Formats;

/// <summary>The container a file's bytes are in, as far as the first bytes tell.</summary>
public enum FileContainer
{
    Empty = 0,
    Csv = 1,
    Json = 2,
    Parquet = 3,
}

/// <summary>
/// The start of a file, looked at once so that every format can say whether it is theirs: the container (CSV, JSON,
/// Parquet), the column names (CSV header, the first JSON object's keys, or the Parquet schema), and the first
/// characters of text.
/// </summary>
public sealed class FileSniff
{
    public const int PrefixBytes = 64 * 1024;

    private FileSniff(string path, FileContainer container, IReadOnlyCollection<string> columns, string text)
    {
        Path = path;
        Container = container;
        Columns = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        Text = text;
    }

    public string Path { get; }
    public FileContainer Container { get; }

    /// <summary>Column names (case-insensitive): the CSV header, the first JSON object's top-level keys, or the Parquet schema.</summary>
    public IReadOnlySet<string> Columns { get; }

    /// <summary>The first characters of a text file (empty for Parquet).</summary>
    public string Text { get; }

    /// <summary>True when every one of <paramref name="names"/> is a column.</summary>
    public bool Has(params string[] names) => names.All(Columns.Contains);

    /// <summary>True when at least one of <paramref name="names"/> is a column.</summary>
    public bool HasAny(params string[] names) => names.Any(Columns.Contains);

    /// <summary>Builds a sniff from text already in memory (tests, uploads).</summary>
    public static FileSniff FromText(string path, string text) => FromBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Looks at the first bytes of a file.</summary>
    public static FileSniff Of(string path)
    {
        byte[] prefix;
        InputFile.MustExist(path);
        try
        {
            // Read until the prefix is full or the file ends: a pipe or device reports no length.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (!stream.CanSeek)
                throw new ImportException(path, null, "is a pipe, not a file; a usage file is read twice (its format, then its rows): save it to a file first");
            var buffer = new byte[PrefixBytes];
            var filled = 0;
            int n;
            while (filled < buffer.Length && (n = stream.Read(buffer, filled, buffer.Length - filled)) > 0) filled += n;
            prefix = buffer[..filled];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, null, $"cannot read the file: {e.Message}");
        }
        if (prefix.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || InputFile.LooksUtf16(prefix))
            throw new ImportException(path, null, "the file is UTF-16; save it as UTF-8 (with or without a byte-order mark)");
        if (prefix.Length > 0 && prefix.AsSpan().Count((byte)0) * 4 > prefix.Length && !prefix.AsSpan(0, Math.Min(4, prefix.Length)).SequenceEqual("PAR1"u8[..Math.Min(4, prefix.Length)]))
            throw new ImportException(path, null, "the file is mostly NUL bytes; it is not a usage file (CSV, JSON or Parquet)");
        if (prefix.Length >= 4 && prefix.AsSpan(0, 4).SequenceEqual("PAR1"u8))
            return new FileSniff(path, FileContainer.Parquet, ParquetTable.ColumnNames(path), "");
        return FromBytes(path, prefix);
    }

    private static FileSniff FromBytes(string path, byte[] prefix)
    {
        // Lenient decoding for a look: invalid bytes become U+FFFD here; the reader proper refuses them with a line.
        var text = new UTF8Encoding(false, false).GetString(prefix).TrimStart('\uFEFF');
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0) return new FileSniff(path, FileContainer.Empty, [], text);
        if (trimmed[0] is '{' or '[')
            return new FileSniff(path, FileContainer.Json, JsonKeys(trimmed), text);
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        return new FileSniff(path, FileContainer.Csv, HeaderNames(firstLine), text);
    }

    private static List<string> HeaderNames(string line)
    {
        var delimiter = line.Count(c => c == ',') >= line.Count(c => c == '\t') ? ',' : '\t';
        return [.. line.Split(delimiter).Select(n => n.Trim().Trim('"').Trim()).Where(n => n.Length > 0)];
    }

    /// <summary>Top-level keys of the first JSON object (of a JSON-lines file or a document; for an array, of its first element).</summary>
    private static List<string> JsonKeys(string text)
    {
        var keys = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = true }));
        try
        {
            var objectDepth = -1;
            while (reader.Read())
            {
                if (objectDepth < 0)
                {
                    if (reader.TokenType == JsonTokenType.StartObject) objectDepth = reader.CurrentDepth + 1;
                    continue;
                }
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == objectDepth)
                    keys.Add(reader.GetString() ?? "");
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == objectDepth - 1)
                    break;
            }
        }
        catch (JsonException)
        {
            // A malformed start: the keys seen so far are all a detector gets.
        }
        return keys;
    }
}
