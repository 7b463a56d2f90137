using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// The contract ledger of MATH.md §2. API contract only: the implementation lands with the ledger work (issue 2).
/// </summary>
public static class Ledger
{
    /// <summary>
    /// Runs <paramref name="contract"/> over monthly list-price usage. Months without an entry count as zero usage.
    /// Periods that end on or before <paramref name="through"/> (default: the last month with usage) are closed and
    /// trued up; the period containing it shows its position to date; later periods are omitted.
    /// </summary>
    public static LedgerResult Run(Contract contract, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage, YearMonth? through = null) =>
        throw new NotImplementedException();
}
