namespace Recommit.Import.AdminApi;

/// <summary>
/// A finished pull: the usage read from every usage page (with its reconciliation), the cost report and analytics
/// cost when asked for, the number of pages fetched in this run and whether the run resumed a cursor.
/// </summary>
public sealed record PullResult(UsageImport Usage, CostImport? Cost, CostImport? Analytics, int PagesFetched, int PagesTotal, bool Resumed, string? AnalyticsNote)
{
    /// <summary>Where the usage came from.</summary>
    public UsageSource UsageSource { get; init; } = UsageSource.Messages;

    /// <summary>What the usage source cannot tell (analytics: no service tier, no workspace, capped groups); empty for messages.</summary>
    public IReadOnlyList<string> UsageNotes { get; init; } = [];
}
