using System.Collections.Immutable;
using Recommit.Money;

namespace Recommit.Reports.Json;

/// <summary>The evidence behind the gap verdict: run length, threshold τ, the months, the trend test, growth and the projected position.</summary>
public sealed record GapEvidenceDocument(
    int RunLength,
    double Threshold,
    ImmutableArray<GapMonthDocument> Months,
    double? MannKendallS,
    double? MannKendallPValue,
    double? TheilSenSlope,
    double? YearOverYearGrowth,
    Usd? ProjectedPeriodEndPosition);
