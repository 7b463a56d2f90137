namespace Recommit.Import.AdminApi;

/// <summary>
/// Saved pages of the beta Usage and Cost Analytics API usage endpoint (<c>GET /v1/organizations/analytics/usage</c>,
/// REFERENCE-anthropic.md §2.4) into the usage cube. The envelope is the messages usage report's
/// (<c>data[]</c> buckets of <c>results[]</c>, <c>has_more</c>, <c>next_page</c>) and the same parser reads it
/// (<see cref="UsageReportJson"/>): counts flat on the row or nested under <c>usage{}</c>, dimensions flat or nested
/// under <c>group{}</c>. The endpoint has no <c>workspace_id</c> and no <c>service_tier</c>, so every cell is in the
/// empty workspace at the standard tier (batch tokens cannot be told apart and are priced as standard). A row with
/// only <c>total_tokens</c> is rejected (a total cannot be priced by token kind), as is a row with no model (code
/// execution, which the endpoint attributes to no model). <c>product</c>, <c>requests</c> and the other
/// analytics-only fields are read past.
/// </summary>
internal static class AnalyticsUsageJson
{
    public const string FormatName = "analytics-usage";

    /// <summary>Reads one saved page.</summary>
    public static UsageImport Read(string path, ModelNameResolver? resolver = null) => ReadMany([path], resolver);

    /// <summary>Reads several saved pages into one cube; a bucket repeated across files counts once (the later file wins).</summary>
    public static UsageImport ReadMany(IReadOnlyList<string> paths, ModelNameResolver? resolver = null) => ReadCounted(paths, resolver).Usage;

    /// <summary>Reads a page held in memory; <paramref name="fileName"/> names it in messages.</summary>
    public static UsageImport Parse(byte[] json, string fileName, ModelNameResolver? resolver = null) =>
        new UsageReportParser(1, _ => JsonPage.InMemory(json, fileName), fileName, FormatName).Run(resolver);

    /// <summary>Reads the pages and counts the buckets that hold the endpoint's maximum of 100 groups.</summary>
    internal static (UsageImport Usage, int FullBuckets) ReadCounted(IReadOnlyList<string> paths, ModelNameResolver? resolver)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0) throw new ArgumentException("no files", nameof(paths));
        var parser = new UsageReportParser(paths.Count, i => JsonPage.OnDisk(paths[i]), UsageReportJson.ReportName(paths), FormatName);
        var usage = parser.Run(resolver);
        return (usage, parser.FullBuckets);
    }

    /// <summary>
    /// True when the first bytes look like an analytics usage page: the usage report's <c>data</c> envelope with a key
    /// only the analytics rows have (<c>product</c>, <c>requests</c>, <c>rbac_group_id</c>, <c>group</c>, <c>usage</c>, …)
    /// and no cost fields.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> head) => JsonHead.IsUsageEnvelope(head) && HasAnalyticsKey(head);

    /// <summary>True when the bytes hold a key that analytics usage rows have and messages usage rows do not.</summary>
    internal static bool HasAnalyticsKey(ReadOnlySpan<byte> head) =>
        JsonHead.HasKey(head, "\"product\""u8) || JsonHead.HasKey(head, "\"requests\""u8) || JsonHead.HasKey(head, "\"rbac_group_id\""u8)
        || JsonHead.HasKey(head, "\"slack_channel_id\""u8) || JsonHead.HasKey(head, "\"claude_tag_category\""u8)
        || JsonHead.HasKey(head, "\"group\""u8) || JsonHead.HasKey(head, "\"usage\""u8);
}
