using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Pricing;

/// <summary>
/// Usage priced at list through a named price-book version (docs/method.md §1): one row per month × model × token kind,
/// sorted in that order, and the grand total. Amounts are at full precision; round only when shown.
/// </summary>
public sealed record PricedUsage(string PriceBookVersion, ImmutableArray<PricedUsageRow> Rows, Usd Total)
{
    /// <summary>List dollars per month, summed over models and kinds.</summary>
    public IReadOnlyDictionary<YearMonth, Usd> MonthlyListUsd()
    {
        var d = new SortedDictionary<YearMonth, Usd>();
        foreach (var r in Rows) d[r.Month] = d.GetValueOrDefault(r.Month) + r.ListUsd;
        return d;
    }

    /// <summary>List dollars per model, summed over months and kinds.</summary>
    public IReadOnlyDictionary<ModelId, Usd> ListUsdByModel()
    {
        var d = new SortedDictionary<ModelId, Usd>(Comparer<ModelId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        foreach (var r in Rows) d[r.Model] = d.GetValueOrDefault(r.Model) + r.ListUsd;
        return d;
    }
}
