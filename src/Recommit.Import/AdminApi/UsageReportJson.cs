namespace Recommit.Import.AdminApi;

/// <summary>
/// Saved pages of the Admin API messages usage report (<c>GET /v1/organizations/usage_report/messages</c>,
/// REFERENCE-anthropic.md §2.1) into the usage cube. Each result object is one row; its six counts become cells of
/// the cube on the UTC day of its bucket (hourly and minute buckets are summed to days). A bucket seen twice (the same
/// <c>starting_at</c>/<c>ending_at</c>, e.g. overlapping pages imported again) replaces the earlier copy rather than
/// adding to it; the replaced results are counted as duplicates. Dimension values are mapped as
/// <see cref="AdminApiDimensions"/> documents; a null <c>workspace_id</c> (the default workspace) is the empty workspace.
/// </summary>
internal static class UsageReportJson
{
    public const string FormatName = "usage-report";

    /// <summary>Reads one saved page (or a whole saved response).</summary>
    public static UsageImport Read(string path, ModelNameResolver? resolver = null) => ReadMany([path], resolver);

    /// <summary>
    /// Reads several saved pages into one cube; buckets repeated across files are de-duplicated (the later file wins).
    /// The report names the first file (and how many there were).
    /// </summary>
    public static UsageImport ReadMany(IReadOnlyList<string> paths, ModelNameResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0) throw new ArgumentException("no files", nameof(paths));
        // Each file is loaded only while it is read (two at a time, one per half), so a year of pages never sits in memory at once.
        return new UsageReportParser(paths.Count, i => JsonPage.OnDisk(paths[i]), ReportName(paths)).Run(resolver);
    }

    /// <summary>Reads a page held in memory; <paramref name="fileName"/> names it in messages.</summary>
    public static UsageImport Parse(byte[] json, string fileName, ModelNameResolver? resolver = null) =>
        new UsageReportParser(1, _ => JsonPage.InMemory(json, fileName), fileName).Run(resolver);

    /// <summary>
    /// True when the first bytes of a file look like a usage-report page: a <c>data</c> envelope whose results carry
    /// token counts, or only empty buckets (and no cost fields, and none of the keys only analytics usage rows have).
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        if (!JsonHead.IsUsageEnvelope(head)) return false;
        if (AnalyticsUsageJson.HasAnalyticsKey(head)) return false;
        return head.IndexOf("\"uncached_input_tokens\""u8) >= 0 || head.IndexOf("\"output_tokens\""u8) >= 0
            || head.IndexOf("\"results\""u8) >= 0;
    }

    internal static string ReportName(IReadOnlyList<string> paths) =>
        paths.Count == 1 ? paths[0] : $"{paths[0]} (+{paths.Count - 1} more files)";
}
