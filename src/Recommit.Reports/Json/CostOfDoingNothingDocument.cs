using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Money;

namespace Recommit.Reports.Json;

/// <summary>
/// The cost of doing nothing (docs/method.md §6) as a distribution, its two parts, and the percentiles 0, 5, …, 100
/// for charting.
/// </summary>
public sealed record CostOfDoingNothingDocument(
    Usd Mean, Usd P10, Usd P50, Usd P90, DistributionDocument OveragePremium, DistributionDocument Forfeited, ImmutableArray<Usd> Percentiles)
{
    /// <summary>The document of the cost of doing nothing.</summary>
    public static CostOfDoingNothingDocument Of(CostOfDoingNothing c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CostOfDoingNothingDocument(c.Mean, c.P10, c.P50, c.P90, DistributionDocument.Of(c.OveragePremium),
            DistributionDocument.Of(c.Forfeited), c.Percentiles);
    }
}
