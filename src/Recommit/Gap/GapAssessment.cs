using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Gap;

/// <summary>One full month's consumption at committed rates against pace, with the gap ratio g = a / p − 1.</summary>
public sealed record GapMonth(YearMonth Month, Usd Consumed, Usd Pace, double GapRatio);

/// <summary>
/// The verdict on the gap (docs/method.md §3) with its evidence: the months and gaps, the run length k, the trend test
/// (Mann–Kendall S, its p-value and the Theil–Sen slope of g), the year-over-year growth G used by the seasonal rule,
/// the projected end-of-period position, a confidence label, the date of the next check, and one plain sentence a
/// buyer can repeat to a CFO.
/// </summary>
public sealed record GapAssessment(
    GapClass Class,
    string ClassName,
    int RunLength,
    double Threshold,
    ImmutableArray<GapMonth> Months,
    double? MannKendallS,
    double? MannKendallPValue,
    double? TheilSenSlope,
    double? YearOverYearGrowth,
    Usd? ProjectedPeriodEndPosition,
    string Confidence,
    YearMonth? NextCheck,
    string Sentence)
{
    /// <summary>For a durable gap whose trend test agrees: which series moved it (usage, the commitment's pace, both).</summary>
    public GapDriver Driver { get; init; }
}
