using Recommit.Analysis;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>The status-quo simulation (docs/method.md §6): paths, seed, months simulated, the bill's parts and the probabilities.</summary>
public sealed record SimulationDocument(
    int Paths,
    ulong Seed,
    YearMonth From,
    YearMonth Horizon,
    DistributionDocument TotalBill,
    DistributionDocument OveragePremium,
    DistributionDocument Forfeited,
    double ProbabilityAnyShortfall,
    double ProbabilityAnyOverage)
{
    /// <summary>The document of a simulation summary.</summary>
    public static SimulationDocument Of(SimulationSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SimulationDocument(s.Paths, s.Seed, s.From, s.Horizon, DistributionDocument.Of(s.TotalBill),
            DistributionDocument.Of(s.OveragePremium), DistributionDocument.Of(s.Forfeited), s.ProbabilityAnyShortfall, s.ProbabilityAnyOverage);
    }
}
