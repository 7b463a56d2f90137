namespace Recommit.Import.AdminApi;

/// <summary>
/// What to pull: usage from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive; null = up to now) at a
/// bucket width, grouped by <see cref="GroupBy"/>; optionally the cost report and the analytics cost (for the
/// effective discount). <see cref="UsageSource"/> says whether usage comes from the messages usage report or from the
/// beta analytics usage endpoint (then in ≤ 31-day windows from 2026-01-01, with the analytics dimensions).
/// </summary>
public sealed record PullRequest(DateTimeOffset From, DateTimeOffset? To, string BucketWidth, IReadOnlyList<string> GroupBy, bool Cost, bool Analytics)
{
    /// <summary>The earliest start the analytics API accepts.</summary>
    public static readonly DateTimeOffset AnalyticsEarliest = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where the token usage comes from (default: the messages usage report).</summary>
    public UsageSource UsageSource { get; init; } = UsageSource.Messages;

    /// <summary>
    /// Identifies the pull so a cursor is only resumed by the same command. The usage source is named only when it is
    /// not the default, so a cursor written before the option existed still resumes.
    /// </summary>
    public string Signature =>
        $"from={AdminQuery.Rfc3339(From)};to={(To is { } t ? AdminQuery.Rfc3339(t) : "now")};bucket={BucketWidth};group_by={string.Join(',', GroupBy)};cost={Cost};analytics={Analytics}" +
        (UsageSource == UsageSource.Analytics ? ";usage_source=analytics" : "");

    /// <summary>
    /// Refuses a pull the API would refuse: analytics usage before 2026-01-01 (the endpoint's earliest start). The
    /// start is not clamped, because a usage file silently missing the months asked for would read as months of no use.
    /// </summary>
    public void Validate()
    {
        if (UsageSource == UsageSource.Analytics && From < AnalyticsEarliest)
            throw new AdminApiException($"--from {AdminQuery.Rfc3339(From)}: the analytics usage endpoint (--usage-source analytics) has no data before " +
                $"{AnalyticsEarliest:yyyy-MM-dd}, the earliest day it accepts; pass --from {AnalyticsEarliest:yyyy-MM-dd} or later, or --usage-source messages for earlier days");
        // The range lies within the days Claude usage can have (docs/input-safety.md, "Accepted dates").
        var first = new DateTimeOffset(UsageWindow.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var last = new DateTimeOffset(UsageWindow.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (From < first || From >= last)
            throw new AdminApiException($"--from {AdminQuery.Rfc3339(From)}: outside the days Claude API usage can have ({UsageWindow.First:yyyy-MM-dd}..{UsageWindow.Last:yyyy-MM-dd})");
        if (To is { } to && (to <= first || to > last))
            throw new AdminApiException($"--to {AdminQuery.Rfc3339(to)}: outside the days Claude API usage can have ({UsageWindow.First:yyyy-MM-dd}..{UsageWindow.Last:yyyy-MM-dd}); leave --to out to pull up to now");
        // An unknown bucket width throws here too, before any request is sent.
        _ = AdminQuery.MaxBuckets(BucketWidth, UsageSource == UsageSource.Analytics);
    }

    /// <summary>
    /// The requests of the pull in order: usage (the messages report in one range, or analytics usage in ≤ 31-day
    /// windows), then cost, then analytics cost in ≤ 31-day windows.
    /// </summary>
    public IReadOnlyList<AdminQuery> Plan(DateTimeOffset endingAt)
    {
        var plan = new List<AdminQuery>();
        if (UsageSource == UsageSource.Analytics)
        {
            foreach (var (s, e) in AdminQuery.Windows(From, endingAt, AdminQuery.AnalyticsMaxRange))
                plan.Add(new AdminQuery(AdminEndpoint.AnalyticsUsage, s, e, BucketWidth, GroupBy));
        }
        else plan.Add(new AdminQuery(AdminEndpoint.UsageMessages, From, endingAt, BucketWidth, GroupBy));
        if (Cost) plan.Add(new AdminQuery(AdminEndpoint.CostReport, From, endingAt, "1d", ["workspace_id", "description"]));
        if (Analytics)
        {
            var start = From > AnalyticsEarliest ? From : AnalyticsEarliest;
            foreach (var (s, e) in AdminQuery.Windows(start, endingAt, AdminQuery.AnalyticsMaxRange))
                plan.Add(new AdminQuery(AdminEndpoint.AnalyticsCost, s, e, "1d", ["model", "workspace_id"]));
        }
        return plan;
    }
}
