using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// The contract ledger of docs/method.md §2: each true-up period's capacity, overage, premium, shortfall, carryover and bill,
/// and the monthly view (pace, cumulative consumption, overage recognised in the month it happens, docs/method.md §9).
/// </summary>
/// <remarks>
/// For list-price usage U, commitment C, carry-in c, committed discount d and overage discount d_o:
/// capacity K = (C + c) / (1 − d); overage O = max(0, U − K), billed at O × (1 − d_o); bill = C + O × (1 − d_o);
/// premium = O × (d − d_o); shortfall S = max(0, C + c − U × (1 − d)); carry-out = min(r × S, cap × C), usable only in
/// the next period, so the last period of the term carries nothing out (docs/method.md §7: a carry-out left at the end of a
/// term is forfeited); forfeited = S − carry-out. All in <see cref="decimal"/> at full precision; nothing is rounded here.
/// <see cref="LedgerKernel"/> is the same arithmetic in <see cref="double"/> for simulation paths.
/// </remarks>
public static class Ledger
{
    /// <summary>
    /// Runs <paramref name="contract"/> over monthly list-price usage. Months without an entry count as zero usage.
    /// Periods that end on or before <paramref name="through"/> (default: the last month with usage) are closed and
    /// trued up; the period containing it shows its position to date; later periods are omitted.
    /// <paramref name="openingCarryIn"/> is carried into the first period (a renegotiation stub's carry-out under the new
    /// contract's own carryover rule, docs/method.md §7); zero otherwise.
    /// </summary>
    public static LedgerResult Run(Contract contract, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage, YearMonth? through = null,
        Usd openingCarryIn = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(monthlyListUsage);
        CheckTerms(contract.CommittedDiscount, contract.OverageDiscount, contract.Carryover);
        CheckPeriods(contract);

        var asOf = through ?? (monthlyListUsage.Count == 0 ? contract.Start.AddMonths(-1) : monthlyListUsage.Keys.Max());
        var periods = ImmutableArray.CreateBuilder<PeriodResult>(contract.Periods.Length);
        var months = ImmutableArray.CreateBuilder<MonthResult>();
        if (openingCarryIn < Usd.Zero) throw new ArgumentOutOfRangeException(nameof(openingCarryIn), openingCarryIn, "must be ≥ 0");
        var start = contract.Start;
        var carryIn = openingCarryIn;
        for (var index = 0; index < contract.Periods.Length && start <= asOf; index++)
        {
            var period = contract.Periods[index];
            var end = start.AddMonths(period.Months - 1);
            var elapsed = end <= asOf ? period.Months : start.MonthsUntil(asOf) + 1;
            var usage = new Usd[elapsed];
            for (var m = 0; m < elapsed; m++) usage[m] = monthlyListUsage.GetValueOrDefault(start.AddMonths(m));

            // A carry-out is usable only in the next period: after the last period of the term it is forfeited (docs/method.md §7).
            var carryover = index == contract.Periods.Length - 1 ? CarryoverRule.None : contract.Carryover;
            var result = TrueUp(start, period.Months, period.Commitment, carryIn, usage, contract.CommittedDiscount,
                contract.OverageDiscount, carryover, closed: elapsed == period.Months, index, months);
            periods.Add(result);
            carryIn = result.CarryOut;
            start = end.AddMonths(1);
        }
        return new LedgerResult(periods.ToImmutable(), months.ToImmutable());
    }

    /// <summary>
    /// The bill accrued in each month from <paramref name="from"/> to <paramref name="to"/> (docs/method.md §9): inside the
    /// term, the monthly view of <see cref="Run"/> (the month's pace plus the overage recognised in it, at the overage
    /// rate); after the term, the month's list usage at the committed discount (a renewal at the same rate without a
    /// commitment, docs/method.md §7); before the term starts, nothing.
    /// </summary>
    public static ImmutableArray<Usd> AccruedBills(Contract contract, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage,
        YearMonth from, YearMonth to, Usd openingCarryIn = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(monthlyListUsage);
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"must not be before {from}");
        var lastInTerm = contract.End.AddMonths(-1);
        var inTerm = Run(contract, monthlyListUsage, to < lastInTerm ? to : lastInTerm, openingCarryIn).Months
            .ToDictionary(m => m.Month, m => m.Bill);
        var bills = ImmutableArray.CreateBuilder<Usd>(from.MonthsUntil(to) + 1);
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            bills.Add(m < contract.Start ? Usd.Zero
                : m < contract.End ? inTerm[m]
                : monthlyListUsage.GetValueOrDefault(m) * (1m - contract.CommittedDiscount));
        }
        return bills.MoveToImmutable();
    }

    /// <summary>
    /// Trues up one closed period exactly as docs/method.md §2: <paramref name="commitment"/> C with carry-in
    /// <paramref name="carryIn"/> c over <paramref name="monthlyListUsage"/> (its months in order, starting with
    /// <paramref name="start"/>), at the given discounts and carryover rule (pass <see cref="CarryoverRule.None"/> when
    /// no period follows: a carry-out left at the end of a term is forfeited).
    /// </summary>
    public static PeriodResult ClosePeriod(YearMonth start, Usd commitment, Usd carryIn, IReadOnlyList<Usd> monthlyListUsage,
        decimal committedDiscount, decimal overageDiscount, CarryoverRule carryover)
    {
        ArgumentNullException.ThrowIfNull(monthlyListUsage);
        ArgumentNullException.ThrowIfNull(carryover);
        if (monthlyListUsage.Count == 0) throw new ArgumentException("a period has at least one month", nameof(monthlyListUsage));
        CheckTerms(committedDiscount, overageDiscount, carryover);
        return TrueUp(start, monthlyListUsage.Count, commitment, carryIn, monthlyListUsage, committedDiscount, overageDiscount,
            carryover, closed: true, periodIndex: 0, months: null);
    }

    /// <summary>
    /// Closes the period of <paramref name="contract"/> that contains <paramref name="t0"/> pro rata at t0, as a
    /// renegotiation does (docs/method.md §7, "Stub"): with e of its P months elapsed before t0, a period of e months with
    /// commitment C_p × e / P and the whole carry-in c_p (from the ledger of the closed periods before it), trued up on
    /// the usage of those e months at the old contract's discounts. The stub's shortfall carries out only under
    /// <paramref name="packageCarryover"/>, the replacement package's own rule (default: none, so it is all forfeited),
    /// capped at cap × the stub's commitment. Returns null when t0 is the first month of a period (nothing to close).
    /// </summary>
    public static PeriodResult? CloseStub(Contract contract, YearMonth t0, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage,
        CarryoverRule? packageCarryover = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(monthlyListUsage);
        CheckTerms(contract.CommittedDiscount, contract.OverageDiscount, contract.Carryover);
        CheckPeriods(contract);
        if (contract.PeriodAt(t0) is not { } at)
            throw new ArgumentOutOfRangeException(nameof(t0), t0, $"t0 must fall inside the term {contract.Start}..{contract.End.AddMonths(-1)}");
        var (index, periodStart) = at;
        var elapsed = periodStart.MonthsUntil(t0);
        if (elapsed == 0) return null;

        var carryIn = index == 0 ? Usd.Zero : Run(contract, monthlyListUsage, periodStart.AddMonths(-1)).Periods[index - 1].CarryOut;
        var period = contract.Periods[index];
        var stubCommitment = period.Commitment * elapsed / period.Months;
        var usage = new Usd[elapsed];
        for (var m = 0; m < elapsed; m++) usage[m] = monthlyListUsage.GetValueOrDefault(periodStart.AddMonths(m));
        var rule = packageCarryover ?? CarryoverRule.None;
        CheckTerms(contract.CommittedDiscount, contract.OverageDiscount, rule);
        return TrueUp(periodStart, elapsed, stubCommitment, carryIn, usage, contract.CommittedDiscount, contract.OverageDiscount,
            rule, closed: true, index, months: null);
    }

    private static PeriodResult TrueUp(YearMonth start, int periodMonths, Usd commitment, Usd carryIn, IReadOnlyList<Usd> usage,
        decimal d, decimal dO, CarryoverRule carryover, bool closed, int periodIndex, ImmutableArray<MonthResult>.Builder? months)
    {
        var available = commitment + carryIn;
        var capacity = available / (1m - d);
        var cumulativeUsage = Usd.Zero;
        var previousOverage = Usd.Zero;
        var previousPace = Usd.Zero;
        for (var m = 0; m < usage.Count; m++)
        {
            cumulativeUsage += usage[m];
            if (months is null) continue;
            // Overage is recognised in the month cumulative list usage passes capacity (docs/method.md §9); the cumulative pace is
            // C × k / P so the months' pace adds up to C exactly.
            var overageToDate = Usd.Max(Usd.Zero, cumulativeUsage - capacity);
            var overage = overageToDate - previousOverage;
            var cumulativePace = commitment * (m + 1) / periodMonths;
            var pace = cumulativePace - previousPace;
            months.Add(new MonthResult(start.AddMonths(m), periodIndex, usage[m], usage[m] * (1m - d), pace,
                cumulativeUsage * (1m - d), cumulativePace, overage, pace + overage * (1m - dO))
            {
                CumulativeListUsage = cumulativeUsage,
                OverageBilled = overage * (1m - dO),
            });
            previousOverage = overageToDate;
            previousPace = cumulativePace;
        }

        var consumed = cumulativeUsage * (1m - d);
        var overageList = Usd.Max(Usd.Zero, cumulativeUsage - capacity);
        var overageBilled = overageList * (1m - dO);
        var remaining = Usd.Max(Usd.Zero, available - consumed);
        var shortfall = closed ? remaining : Usd.Zero;
        var carryOut = closed ? Usd.Min(shortfall * carryover.Fraction, commitment * carryover.Cap) : Usd.Zero;
        return new PeriodResult(start, start.AddMonths(periodMonths - 1), commitment, carryIn, cumulativeUsage, consumed,
            overageList, overageBilled, overageList * (d - dO), shortfall, carryOut, shortfall - carryOut,
            commitment + overageBilled, closed)
        {
            Months = periodMonths,
            MonthsElapsed = usage.Count,
            Capacity = capacity,
            RemainingCommitment = remaining,
        };
    }

    private static void CheckPeriods(Contract contract)
    {
        foreach (var p in contract.Periods)
        {
            if (p.Months < 1) throw new ArgumentOutOfRangeException(nameof(contract), p.Months, "every period has at least one month");
            if (p.Commitment < Usd.Zero) throw new ArgumentOutOfRangeException(nameof(contract), p.Commitment, "commitments are ≥ 0");
        }
    }

    private static void CheckTerms(decimal committedDiscount, decimal overageDiscount, CarryoverRule carryover)
    {
        if (committedDiscount is < 0m or >= 1m) throw new ArgumentOutOfRangeException(nameof(committedDiscount), committedDiscount, "must be in [0, 1)");
        if (overageDiscount < 0m || overageDiscount > committedDiscount)
            throw new ArgumentOutOfRangeException(nameof(overageDiscount), overageDiscount, "must be in [0, committed discount]");
        if (carryover.Fraction is < 0m or > 1m || carryover.Cap is < 0m or > 1m)
            throw new ArgumentOutOfRangeException(nameof(carryover), carryover, "fraction and cap must be in [0, 1]");
    }
}
