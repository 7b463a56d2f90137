namespace Recommit.Import.AdminApi;

/// <summary>Where <c>recommit import anthropic</c> takes token usage from.</summary>
public enum UsageSource
{
    /// <summary>The messages usage report (<c>/v1/organizations/usage_report/messages</c>): every dimension, any start day.</summary>
    Messages = 0,

    /// <summary>
    /// The beta analytics usage endpoint (<c>/v1/organizations/analytics/usage</c>), for Enterprise organisations or keys
    /// with only <c>read:analytics</c>: from 2026-01-01, in ≤ 31-day requests, with no <c>workspace_id</c> or
    /// <c>service_tier</c> dimension (so batch tokens are priced as standard).
    /// </summary>
    Analytics = 1,
}
