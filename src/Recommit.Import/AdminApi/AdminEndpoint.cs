namespace Recommit.Import.AdminApi;

/// <summary>The Admin API endpoints the importer pulls (REFERENCE-anthropic.md §2.1, §2.2, §2.4).</summary>
public enum AdminEndpoint
{
    /// <summary><c>GET /v1/organizations/usage_report/messages</c>.</summary>
    UsageMessages,
    /// <summary><c>GET /v1/organizations/cost_report</c> (1d buckets only).</summary>
    CostReport,
    /// <summary><c>GET /v1/organizations/analytics/cost</c> (beta, ≤ 31-day ranges).</summary>
    AnalyticsCost,
    /// <summary>
    /// <c>GET /v1/organizations/analytics/usage</c> (beta, ≤ 31-day ranges from 2026-01-01): token counts without a
    /// workspace or service-tier dimension.
    /// </summary>
    AnalyticsUsage,
}
