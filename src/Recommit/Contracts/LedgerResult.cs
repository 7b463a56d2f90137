using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// One true-up period through the ledger (docs/method.md §2). <see cref="Start"/> is the first month, <see cref="End"/> the
/// last month of the period. A period still running shows its position to date (<see cref="Closed"/> false).
/// </summary>
/// <remarks>
/// Closed period: bill = C + O × (1 − d_o), premium = O × (d − d_o), shortfall S = max(0, C + c − U × (1 − d)),
/// carry-out = min(r × S, cap × C), forfeited = S − carry-out. Running period: usage, consumption and overage are to date;
/// <see cref="Bill"/> is what the period is already bound to bill (the whole commitment, owed whatever happens, plus
/// the overage already incurred); shortfall, carry-out and forfeited are zero and <see cref="RemainingCommitment"/>
/// says how much of the commitment is still to consume.
/// </remarks>
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
    bool Closed)
{
    /// <summary>Length of the period in months.</summary>
    public int Months { get; init; }

    /// <summary>Months of the period counted so far: all of them when <see cref="Closed"/>, else those up to the as-of month.</summary>
    public int MonthsElapsed { get; init; }

    /// <summary>Capacity in list dollars, K = (C + c) / (1 − d) (docs/method.md §2).</summary>
    public Usd Capacity { get; init; }

    /// <summary>
    /// Commitment (with carry-in) not yet consumed at committed rates, max(0, C + c − U × (1 − d)). For a running period this is
    /// what is left to consume before its end; the period's <see cref="Shortfall"/>, <see cref="CarryOut"/> and
    /// <see cref="Forfeited"/> stay zero until it closes. For a closed period it equals the shortfall.
    /// </summary>
    public Usd RemainingCommitment { get; init; }
}

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
    Usd Bill)
{
    /// <summary>Cumulative list usage in the period through this month.</summary>
    public Usd CumulativeListUsage { get; init; }

    /// <summary>The overage recognised in this month as billed, <see cref="OverageList"/> × (1 − d_o).</summary>
    public Usd OverageBilled { get; init; }
}

/// <summary>The contract ledger: the periods and the months.</summary>
public sealed record LedgerResult(ImmutableArray<PeriodResult> Periods, ImmutableArray<MonthResult> Months);
