using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// One month of the ledger: usage, consumption against pace, cumulative figures within its period, overage and bill.
/// <c>periodIndex</c> is the index of the month's period in the ledger's <c>periods</c>, from 0.
/// </summary>
public sealed record LedgerMonthDocument(
    YearMonth Month,
    int PeriodIndex,
    Usd ListUsage,
    Usd ConsumedAtCommittedRates,
    Usd Pace,
    Usd CumulativeConsumed,
    Usd CumulativePace,
    Usd OverageList,
    Usd Bill,
    Usd CumulativeListUsage,
    Usd OverageBilled)
{
    /// <summary>The document of one month.</summary>
    public static LedgerMonthDocument Of(MonthResult m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new LedgerMonthDocument(m.Month, m.PeriodIndex, m.ListUsage, m.ConsumedAtCommittedRates, m.Pace, m.CumulativeConsumed,
            m.CumulativePace, m.OverageList, m.Bill, m.CumulativeListUsage, m.OverageBilled);
    }
}
