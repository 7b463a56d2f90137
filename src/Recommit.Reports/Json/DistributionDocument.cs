using Recommit.Analysis;
using Recommit.Money;

namespace Recommit.Reports.Json;

/// <summary>The mean and the 10th, 50th and 90th percentiles of a simulated dollar figure.</summary>
public sealed record DistributionDocument(Usd Mean, Usd P10, Usd P50, Usd P90)
{
    /// <summary>The document of a distribution.</summary>
    public static DistributionDocument Of(Distribution d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DistributionDocument(d.Mean, d.P10, d.P50, d.P90);
    }
}
