using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>
/// Prices a usage cube through the price book as of each usage day (MATH.md §1).
/// API contract only: the implementation lands with the price-book work (issue 2).
/// </summary>
public static class CubePricing
{
    /// <summary>List dollars per month, summed over every cell (the ledger's input).</summary>
    public static IReadOnlyDictionary<YearMonth, Usd> MonthlyListUsd(UsageCube cube, PriceBook book) =>
        throw new NotImplementedException();
}
