using Recommit.Analysis;
using Recommit.Money;

namespace Recommit.Reports.Json;

/// <summary>List dollars of the trailing twelve months of one workspace on one model.</summary>
public sealed record UsageRowDocument(string Workspace, string Model, Usd ListUsd)
{
    /// <summary>The document of a usage breakdown row.</summary>
    public static UsageRowDocument Of(UsageBreakdownRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new UsageRowDocument(r.Workspace, r.Model, r.ListUsd);
    }
}
