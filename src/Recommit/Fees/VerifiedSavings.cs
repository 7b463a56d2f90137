using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Fees;

/// <summary>
/// Verified savings after a renegotiation (docs/method.md §9): month by month, the old contract's counterfactual bill for
/// the actual usage against the new contract's bill, both accrued monthly by the decimal <see cref="Ledger"/>.
/// </summary>
/// <remarks>
/// The new contract's <c>start</c> is the signing month t0. When t0 falls inside a period of the old contract, that
/// period closes at t0 as a stub (<see cref="Ledger.CloseStub"/>, docs/method.md §7): the renegotiation causes its true-up,
/// so the signing month's new bill carries the stub's billed overage less the overage the old contract had already
/// recognised in the stub's months, and the stub's carry-out under the new contract's own carryover rule opens the new
/// contract's first period. Months before t0 bill the same under both. After either term ends, that contract bills usage
/// at its committed discount (docs/method.md §7). Savings are netted: the cumulative total may be negative, and the
/// gainshare fee accrued to date is share × max(0, cumulative).
/// </remarks>
public static class VerifiedSavings
{
    /// <summary>
    /// Verified savings from <paramref name="from"/> to <paramref name="to"/> (inclusive) for monthly list-price usage
    /// <paramref name="monthlyListUsage"/> (missing months are zero), with gainshare <paramref name="share"/>.
    /// </summary>
    public static SavingsStatement Compute(Contract oldContract, Contract newContract, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage,
        YearMonth from, YearMonth to, decimal share)
    {
        ArgumentNullException.ThrowIfNull(oldContract);
        ArgumentNullException.ThrowIfNull(newContract);
        ArgumentNullException.ThrowIfNull(monthlyListUsage);
        var signed = newContract.Start;
        if (signed < oldContract.Start)
            throw new ArgumentOutOfRangeException(nameof(newContract), signed, $"the new contract must start on or after the old one ({oldContract.Start})");
        if (from < oldContract.Start)
            throw new ArgumentOutOfRangeException(nameof(from), from, $"must not be before the old contract's start {oldContract.Start}");
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"must not be before {from}");
        if (share is < 0m or > 1m) throw new ArgumentOutOfRangeException(nameof(share), share, "must be in [0, 1]");

        var (trueUp, carryOut) = Stub(oldContract, newContract, monthlyListUsage);
        var oldBills = Ledger.AccruedBills(oldContract, monthlyListUsage, from, to);
        var firstNew = from >= signed ? from : signed;
        var newBills = firstNew <= to ? Ledger.AccruedBills(newContract, monthlyListUsage, firstNew, to, carryOut) : [];

        var months = ImmutableArray.CreateBuilder<SavingsMonth>(oldBills.Length);
        var cumulative = Usd.Zero;
        for (var i = 0; i < oldBills.Length; i++)
        {
            var month = from.AddMonths(i);
            var newBill = month < signed ? oldBills[i]
                : newBills[firstNew.MonthsUntil(month)] + (month == signed ? trueUp : Usd.Zero);
            var saving = oldBills[i] - newBill;
            cumulative += saving;
            months.Add(new SavingsMonth(month, monthlyListUsage.GetValueOrDefault(month), oldBills[i], newBill, saving, cumulative,
                Gainshare.Fee(share, cumulative)));
        }
        return new SavingsStatement(oldContract.Name, newContract.Name, signed, from, to, share, trueUp, carryOut, months.MoveToImmutable());
    }

    /// <summary>
    /// The stub's true-up billed in the signing month and its carry-out into the new contract (docs/method.md §7): zero when
    /// the new contract starts on a boundary of the old contract's periods or after its term.
    /// </summary>
    public static (Usd TrueUp, Usd CarryOut) Stub(Contract oldContract, Contract newContract, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage)
    {
        ArgumentNullException.ThrowIfNull(oldContract);
        ArgumentNullException.ThrowIfNull(newContract);
        var signed = newContract.Start;
        if (signed <= oldContract.Start || signed >= oldContract.End) return (Usd.Zero, Usd.Zero);
        if (Ledger.CloseStub(oldContract, signed, monthlyListUsage, newContract.Carryover) is not { } stub) return (Usd.Zero, Usd.Zero);
        // The stub's commitment, C × e / P, equals the pace already accrued in its months, so only overage is new.
        var recognised = Ledger.Run(oldContract, monthlyListUsage, signed.AddMonths(-1)).Months
            .Where(m => m.Month >= stub.Start)
            .Aggregate(Usd.Zero, (sum, m) => sum + m.OverageBilled);
        return (stub.OverageBilled - recognised, stub.CarryOut);
    }
}
