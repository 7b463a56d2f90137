using Recommit.Gap;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// The gap verdict (docs/method.md §3): its class in kebab case (<c>durable-overage</c>, …), the sentence for a CFO,
/// a confidence label, the month to check again, which series moved a durable gap (<c>none</c>, <c>usage</c>,
/// <c>commitment</c>, <c>both</c>), and the evidence.
/// </summary>
public sealed record GapDocument(string Class, string ClassName, string Sentence, string Confidence, YearMonth? NextCheck, string Driver, GapEvidenceDocument Evidence)
{
    /// <summary>The document of a gap assessment.</summary>
    public static GapDocument Of(GapAssessment g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new GapDocument(ClassCode(g.Class), g.ClassName, g.Sentence, g.Confidence, g.NextCheck, DriverCode(g.Driver),
            new GapEvidenceDocument(g.RunLength, g.Threshold, [.. g.Months.Select(m => new GapMonthDocument(m.Month, m.Consumed, m.Pace, m.GapRatio))],
                g.MannKendallS, g.MannKendallPValue, g.TheilSenSlope, g.YearOverYearGrowth, g.ProjectedPeriodEndPosition));
    }

    private static string DriverCode(GapDriver d) => d switch
    {
        GapDriver.None => "none",
        GapDriver.Usage => "usage",
        GapDriver.Commitment => "commitment",
        GapDriver.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(d), d, "unknown gap driver"),
    };

    private static string ClassCode(GapClass c) => c switch
    {
        GapClass.InsufficientEvidence => "insufficient-evidence",
        GapClass.OnPace => "on-pace",
        GapClass.Seasonal => "seasonal",
        GapClass.DurableOverage => "durable-overage",
        GapClass.DurableShortfall => "durable-shortfall",
        GapClass.Noise => "noise",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "unknown gap class"),
    };
}
