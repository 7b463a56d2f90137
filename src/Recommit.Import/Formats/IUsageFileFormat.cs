namespace Recommit.Import.Formats;

/// <summary>
/// One importable file format: its name for <c>--format</c>, how to recognise it from a file's first bytes, and how
/// to read it. Formats are listed in <see cref="UsageFormats"/>.
/// </summary>
public interface IUsageFileFormat
{
    /// <summary>The <c>--format</c> name, e.g. <c>console-usage</c>.</summary>
    string Name { get; }

    /// <summary>One line for help text.</summary>
    string Description { get; }

    /// <summary>How cells repeated across files merge (buckets replace, request events add).</summary>
    CrossFileMerge Merge { get; }

    /// <summary>True when the sniffed start of a file (header names, JSON keys, Parquet schema) is this format.</summary>
    bool Detect(FileSniff sniff);

    /// <summary>Reads the file. Bad rows are rejected in the report; a file that cannot be read at all is an <see cref="ImportException"/>.</summary>
    FileImport Read(string path, ImportOptions options);
}
