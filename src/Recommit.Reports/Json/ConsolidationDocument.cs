using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// A package's consolidated workload (docs/method.md §7): from <c>start</c> over a linear ramp, list dollars a month once
/// fully moved (and tokens a month by kind, summed over the families given in tokens; null when every family was given in
/// dollars), its cost elsewhere today, and each family.
/// </summary>
public sealed record ConsolidationDocument(
    YearMonth Start,
    int RampMonths,
    Usd MonthlyListUsd,
    ConsolidatedTokens? MonthlyTokens,
    Usd MonthlyCostElsewhere,
    ImmutableArray<ConsolidatedFamily> Families)
{
    public static ConsolidationDocument Of(Consolidation c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ConsolidationDocument(c.Start, c.RampMonths, c.MonthlyListUsd, c.MonthlyTokens, c.MonthlyCostElsewhere, c.Families);
    }
}
