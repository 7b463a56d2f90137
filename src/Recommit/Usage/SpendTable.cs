using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Usage;

/// <summary>One month's list-price spend on a model or model family (the degraded "spend only" input).</summary>
public readonly record struct SpendRow(YearMonth Month, string ModelOrFamily, Usd ListUsd);

/// <summary>
/// The degraded form of usage for buyers who only have spend: list dollars by month and model family (or model).
/// Analyses that need tokens (levers, re-pricing) convert it through a token mix and say so (docs/method.md §5).
/// </summary>
public sealed record SpendTable(ImmutableArray<SpendRow> Rows)
{
    /// <summary>List dollars per month, summed over models.</summary>
    public IReadOnlyDictionary<YearMonth, Usd> MonthlyListUsd()
    {
        var d = new SortedDictionary<YearMonth, Usd>();
        foreach (var r in Rows)
            d[r.Month] = d.GetValueOrDefault(r.Month) + r.ListUsd;
        return d;
    }
}
