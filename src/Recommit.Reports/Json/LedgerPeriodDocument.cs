using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>One true-up period through the ledger (docs/method.md §2); a running period shows its position to date.</summary>
public sealed record LedgerPeriodDocument(
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
    bool Closed,
    int Months,
    int MonthsElapsed,
    Usd Capacity,
    Usd RemainingCommitment)
{
    /// <summary>The document of one period.</summary>
    public static LedgerPeriodDocument Of(PeriodResult p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new LedgerPeriodDocument(p.Start, p.End, p.Commitment, p.CarryIn, p.ListUsage, p.ConsumedAtCommittedRates, p.OverageList,
            p.OverageBilled, p.OveragePremium, p.Shortfall, p.CarryOut, p.Forfeited, p.Bill, p.Closed, p.Months, p.MonthsElapsed, p.Capacity,
            p.RemainingCommitment);
    }
}
