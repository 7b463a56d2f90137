using System.Globalization;
using System.Text;

namespace Recommit.Import.AdminApi;

/// <summary>
/// One Admin API request range: endpoint, [<see cref="From"/>, <see cref="To"/>) in UTC, bucket width and
/// <c>group_by[]</c> dimensions. Builds the relative request URI for a page, with the largest page size the bucket
/// width allows (messages report 1d: 31, 1h: 168, 1m: 1440 buckets; analytics usage 1d: 31, 1h: 168, 1m: 256).
/// </summary>
public sealed record AdminQuery(AdminEndpoint Endpoint, DateTimeOffset From, DateTimeOffset To, string BucketWidth, IReadOnlyList<string> GroupBy)
{
    /// <summary>Every <c>group_by[]</c> dimension of the messages usage report.</summary>
    public static readonly IReadOnlyList<string> UsageDimensions =
        ["account_id", "api_key_id", "context_window", "inference_geo", "model", "service_account_id", "service_tier", "speed", "workspace_id"];

    /// <summary>The dimensions pulled by default: all those the usage cube keeps (speed needs a beta header, so it is opt-in).</summary>
    public static readonly IReadOnlyList<string> DefaultUsageGroupBy = ["model", "workspace_id", "service_tier", "context_window", "inference_geo"];

    /// <summary>
    /// Every <c>group_by[]</c> dimension of the analytics usage endpoint. There is no <c>workspace_id</c> or
    /// <c>service_tier</c>: the endpoint cannot tell batch or priority tokens from standard ones.
    /// </summary>
    public static readonly IReadOnlyList<string> AnalyticsUsageDimensions =
        ["claude_tag_category", "claude_tag_user_id", "context_window", "inference_geo", "model", "product", "rbac_group_id", "slack_channel_id", "speed"];

    /// <summary>The analytics usage dimensions pulled by default: those the usage cube keeps.</summary>
    public static readonly IReadOnlyList<string> DefaultAnalyticsUsageGroupBy = ["model", "context_window", "inference_geo", "speed"];

    /// <summary>The most groups the analytics usage endpoint reports in one bucket (its top groups by usage).</summary>
    public const int AnalyticsTopGroups = 100;

    /// <summary>
    /// The bucket widths and the most buckets one page may hold: 1d 31, 1h 168, and 1m 1,440 for the messages usage
    /// report but 256 for the analytics usage endpoint.
    /// </summary>
    public static int MaxBuckets(string width, bool analytics = false) => width switch
    {
        "1d" => 31,
        "1h" => 168,
        "1m" => analytics ? 256 : 1440,
        _ => throw new AdminApiException($"--bucket: '{width}' is not 1d, 1h or 1m"),
    };

    /// <summary>The longest range the analytics API accepts in one request.</summary>
    public static readonly TimeSpan AnalyticsMaxRange = TimeSpan.FromDays(31);

    public string PathName => Endpoint switch
    {
        AdminEndpoint.UsageMessages => "v1/organizations/usage_report/messages",
        AdminEndpoint.CostReport => "v1/organizations/cost_report",
        AdminEndpoint.AnalyticsUsage => "v1/organizations/analytics/usage",
        _ => "v1/organizations/analytics/cost",
    };

    /// <summary>The <c>anthropic-beta</c> value both analytics endpoints need.</summary>
    public const string AnalyticsBeta = "analytics-usage-cost-2026-08-24";

    /// <summary>Beta header this request needs, if any.</summary>
    public string? BetaHeader => Endpoint switch
    {
        AdminEndpoint.AnalyticsCost or AdminEndpoint.AnalyticsUsage => AnalyticsBeta,
        AdminEndpoint.UsageMessages when GroupBy.Contains("speed") => "fast-mode-2026-02-01",
        _ => null,
    };

    /// <summary>The relative URI of the page (<paramref name="page"/> null for the first).</summary>
    public string RelativeUri(string? page)
    {
        var sb = new StringBuilder(PathName);
        sb.Append("?starting_at=").Append(Uri.EscapeDataString(Rfc3339(From)));
        sb.Append("&ending_at=").Append(Uri.EscapeDataString(Rfc3339(To)));
        switch (Endpoint)
        {
            case AdminEndpoint.UsageMessages or AdminEndpoint.AnalyticsUsage:
                sb.Append("&bucket_width=").Append(BucketWidth);
                sb.Append("&limit=").Append(MaxBuckets(BucketWidth, Endpoint == AdminEndpoint.AnalyticsUsage).ToString(CultureInfo.InvariantCulture));
                break;
            case AdminEndpoint.CostReport:
                sb.Append("&bucket_width=1d&limit=31");
                break;
            default:
                sb.Append("&time_bucket_width=1d");
                break;
        }
        foreach (var g in GroupBy) sb.Append("&group_by[]=").Append(Uri.EscapeDataString(g));
        if (page is not null) sb.Append("&page=").Append(Uri.EscapeDataString(page));
        return sb.ToString();
    }

    public static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Splits [from, to) into consecutive ranges of at most <paramref name="max"/>.</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Windows(DateTimeOffset from, DateTimeOffset to, TimeSpan max)
    {
        for (var s = from; s < to; s += max)
            yield return (s, s + max < to ? s + max : to);
    }

    public override string ToString() => $"{PathName} {Rfc3339(From)}..{Rfc3339(To)}";
}
