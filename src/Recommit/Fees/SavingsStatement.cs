using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Fees;

/// <summary>
/// Verified savings over a window of months after a renegotiation (docs/method.md §9): the months, the stub's true-up that
/// the signing month carries, and the totals. <see cref="Fee"/> is the gainshare fee on the window's total saving,
/// share × max(0, savings): a window that ends with a negative total pays nothing.
/// </summary>
public sealed record SavingsStatement(
    string OldContract,
    string NewContract,
    YearMonth Signed,
    YearMonth From,
    YearMonth To,
    decimal Share,
    Usd StubTrueUp,
    Usd StubCarryOut,
    ImmutableArray<SavingsMonth> Months)
{
    /// <summary>The old contract's counterfactual bills over the window.</summary>
    public Usd OldTotal => Months.Aggregate(Usd.Zero, (sum, m) => sum + m.OldBill);

    /// <summary>The new contract's bills over the window.</summary>
    public Usd NewTotal => Months.Aggregate(Usd.Zero, (sum, m) => sum + m.NewBill);

    /// <summary>Verified savings over the window, old − new (negative when the new contract cost more).</summary>
    public Usd Savings => OldTotal - NewTotal;

    /// <summary>The gainshare fee on the window: share × max(0, savings).</summary>
    public Usd Fee => Gainshare.Fee(Share, Savings);
}
