using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>How the commitment is paid: prepaid at the start of each period, or monthly in arrears with a true-up.</summary>
public enum BillingMode
{
    Arrears = 0,
    Prepaid = 1,
}

/// <summary>One true-up period of a commitment schedule: its length and the commitment owed (dollars at committed rates).</summary>
public sealed record CommitmentPeriod(int Months, Usd Commitment);

/// <summary>
/// Carryover of a shortfall into the next period (docs/method.md §2): a fraction <see cref="Fraction"/> of the shortfall,
/// capped at <see cref="Cap"/> × the period's commitment, usable only in the next period.
/// </summary>
public sealed record CarryoverRule(decimal Fraction, decimal Cap)
{
    public static CarryoverRule None { get; } = new(0m, 0m);
}

/// <summary>
/// A signed spend commitment (docs/contracts.md; docs/method.md §2): start month, successive true-up periods with their
/// own commitments (a ramp is periods of different amounts), committed discount off list, overage discount (0 = list),
/// carryover rule, billing mode and price protection.
/// </summary>
public sealed record Contract(
    string Name,
    YearMonth Start,
    ImmutableArray<CommitmentPeriod> Periods,
    decimal CommittedDiscount,
    decimal OverageDiscount,
    CarryoverRule Carryover,
    BillingMode Billing,
    bool PriceProtection)
{
    /// <summary>Total term in months (the sum of the periods).</summary>
    public int TermMonths => Periods.Sum(p => p.Months);

    /// <summary>The first month after the term.</summary>
    public YearMonth End => Start.AddMonths(TermMonths);

    /// <summary>
    /// Which true-up period holds <paramref name="month"/>: its index in <see cref="Periods"/> and its first month; null
    /// when the month falls outside the term.
    /// </summary>
    public ContractPeriodAt? PeriodAt(YearMonth month)
    {
        var start = Start;
        for (var index = 0; index < Periods.Length; index++)
        {
            var end = start.AddMonths(Periods[index].Months);
            if (month >= start && month < end) return new ContractPeriodAt(index, start);
            start = end;
        }
        return null;
    }

    /// <summary>Free-text notes carried with the contract file (never used in any figure).</summary>
    public string? Notes { get; init; }
}
