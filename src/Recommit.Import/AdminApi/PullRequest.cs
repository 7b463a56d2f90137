namespace Recommit.Import.AdminApi;

/// <summary>
/// What to pull: usage from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive; null = up to now) at a
/// bucket width, grouped by <see cref="GroupBy"/>; optionally the cost report and the analytics cost (for the
/// effective discount).
/// </summary>
public sealed record PullRequest(DateTimeOffset From, DateTimeOffset? To, string BucketWidth, IReadOnlyList<string> GroupBy, bool Cost, bool Analytics)
{
    /// <summary>The earliest start the analytics API accepts.</summary>
    public static readonly DateTimeOffset AnalyticsEarliest = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Identifies the pull so a cursor is only resumed by the same command.</summary>
    public string Signature =>
        $"from={AdminQuery.Rfc3339(From)};to={(To is { } t ? AdminQuery.Rfc3339(t) : "now")};bucket={BucketWidth};group_by={string.Join(',', GroupBy)};cost={Cost};analytics={Analytics}";

    /// <summary>The requests of the pull in order: usage, then cost, then analytics cost in ≤ 31-day windows.</summary>
    public IReadOnlyList<AdminQuery> Plan(DateTimeOffset endingAt)
    {
        var plan = new List<AdminQuery> { new(AdminEndpoint.UsageMessages, From, endingAt, BucketWidth, GroupBy) };
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
