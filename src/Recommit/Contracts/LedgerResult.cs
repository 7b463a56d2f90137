using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// One true-up period through the ledger (MATH.md §2). <see cref="Start"/> is the first month, <see cref="End"/> the
/// last month of the period. A period still running shows its position to date (<see cref="Closed"/> false).
/// </summary>
public sealed record PeriodResult(
    YearMonth Start,
    YearMonth End,
    Usd Commitment,
    Usd CarryIn,
    Usd ListUsage,
    Usd ConsumedAtCommittedRates,
    Usd OverageList,
    Usd OverageBilled,
    Usd OveragePremium,
    Usd Shortfall,
    Usd CarryOut,
    Usd Forfeited,
    Usd Bill,
    bool Closed);

/// <summary>
/// One month in the ledger's monthly view: list usage, consumption at committed rates, pace (the period's commitment
/// spread evenly), cumulative consumption and pace within the period, and overage recognised in the month.
/// </summary>
public sealed record MonthResult(
    YearMonth Month,
    int PeriodIndex,
    Usd ListUsage,
    Usd ConsumedAtCommittedRates,
    Usd Pace,
    Usd CumulativeConsumed,
    Usd CumulativePace,
    Usd OverageList,
    Usd Bill);

/// <summary>The contract ledger: the periods and the months.</summary>
public sealed record LedgerResult(ImmutableArray<PeriodResult> Periods, ImmutableArray<MonthResult> Months);
