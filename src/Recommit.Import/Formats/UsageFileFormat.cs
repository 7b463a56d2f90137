namespace Recommit.Import.Formats;

/// <summary>
/// A format made of two functions, a detector and a reader, as <see cref="UsageFormats"/> lists them:
/// <c>new UsageFileFormat("usage-report", "…", s =&gt; …, (path, o) =&gt; FileImport.Of(…))</c>.
/// </summary>
internal sealed class UsageFileFormat(
    string name,
    string description,
    Func<FileSniff, bool> detect,
    Func<string, ImportOptions, FileImport> read,
    CrossFileMerge merge = CrossFileMerge.Replace) : IUsageFileFormat
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public CrossFileMerge Merge { get; } = merge;
    public bool Detect(FileSniff sniff) => detect(sniff);
    public FileImport Read(string path, ImportOptions options) => read(path, options);
}
