using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// The contract ledger of docs/method.md §2 in <see cref="double"/>, for simulated paths: the one period loop every
/// path-valuing figure runs through (the Monte Carlo's status quo, §6; every package and its status quo, §7). A kernel is a
/// schedule of true-up periods placed on the months of the paths (<see cref="KernelPeriod"/>: offset, length, commitment,
/// usage already known, terms), a carry-in to the first, and an optional after-term rule. The last period of the schedule
/// carries nothing out (a carry-out left at the end of a term is forfeited, §7).
/// </summary>
/// <remarks>
/// Build one with <see cref="Of(Contract)"/> (a whole contract, paths starting at its first month),
/// <see cref="From"/> (the status quo from the as-of month: periods closed before it are sunk and their carry-out, trued up
/// on the actual usage, is the carry-in) or <see cref="Replacing"/> (a package from its start t0: the old periods before
/// t0, the stub that closes the period holding t0 pro rata, then the package's periods; §7). The decimal
/// <see cref="Ledger"/> is the ledger of record; a property test holds the two to the cent.
/// </remarks>
public sealed class LedgerKernel
{
    private readonly KernelPeriod[] _periods;

    /// <summary>
    /// A kernel over <paramref name="periods"/> (consecutive: each starts where the previous ends), entering the first with
    /// <paramref name="carryIn"/>. With <paramref name="afterTermDiscount"/> set, path months after the last period are
    /// billed at list × (1 − that discount) (§7: a renewal at the same rate, without a commitment); without it they are
    /// not valued.
    /// </summary>
    public LedgerKernel(IEnumerable<KernelPeriod> periods, double carryIn = 0, double? afterTermDiscount = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        _periods = [.. periods];
        for (var k = 0; k < _periods.Length; k++)
        {
            var p = _periods[k];
            if (p.Months < 1) throw new ArgumentOutOfRangeException(nameof(periods), p.Months, "a period has at least one month");
            if (!(p.Commitment >= 0) || !(p.KnownUsage >= 0)) throw new ArgumentOutOfRangeException(nameof(periods), p, "commitments and known usage are ≥ 0");
            if (k > 0 && p.FirstMonthOffset != _periods[k - 1].EndOffset) throw new ArgumentException("periods follow one another", nameof(periods));
            CheckTerms(p.Terms);
        }
        if (!(carryIn >= 0)) throw new ArgumentOutOfRangeException(nameof(carryIn), carryIn, "must be ≥ 0");
        if (afterTermDiscount is { } a && !(a is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(afterTermDiscount), a, "must be in [0, 1)");
        CarryIn = carryIn;
        AfterTermDiscount = afterTermDiscount;
        Periods = [.. _periods];
    }

    public ImmutableArray<KernelPeriod> Periods { get; }
    public double CarryIn { get; }
    public double? AfterTermDiscount { get; }

    /// <summary>The index in its contract of the first period (earlier periods closed before the paths and are sunk).</summary>
    public int FirstPeriodIndex { get; init; }

    /// <summary>The offset of the first month after the last period (0 when there is none): where the after-term months start.</summary>
    public int EndOffset => _periods.Length == 0 ? 0 : _periods[^1].EndOffset;

    /// <summary>A kernel for the whole of <paramref name="contract"/>, the paths starting at its first month.</summary>
    public static LedgerKernel Of(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return From(contract, contract.Start, new Dictionary<YearMonth, Usd>());
    }

    /// <summary>
    /// The status quo of <paramref name="contract"/> on paths starting at <paramref name="first"/> (docs/method.md §6): the
    /// period holding <paramref name="first"/> in full (its months before it as known usage from <paramref name="actual"/>)
    /// and every later period of the term. Periods closed before it are sunk; their carry-out is the carry-in. With
    /// <paramref name="valueAfterTerm"/>, months after the term are billed at the contract's committed discount (§7).
    /// </summary>
    public static LedgerKernel From(Contract contract, YearMonth first, IReadOnlyDictionary<YearMonth, Usd> actual, bool valueAfterTerm = false)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(actual);
        var periods = new List<KernelPeriod>();
        var (carryIn, firstIndex) = Window(contract, first, actual, contract.End, null, periods);
        return new LedgerKernel(periods, carryIn, valueAfterTerm ? (double)contract.CommittedDiscount : null) { FirstPeriodIndex = firstIndex };
    }

    /// <summary>
    /// <paramref name="package"/> replacing <paramref name="contract"/> from the package's start t0 (docs/method.md §7), on
    /// paths starting at <paramref name="first"/> (t0 at or after it, and no later than the end of the old term): the old
    /// contract's periods from the one holding <paramref name="first"/> up to t0; the stub — the period holding t0 closed
    /// at t0 pro rata, e of its P months with commitment C_p × e / P and the whole carry-in, at the old discounts, carrying
    /// its shortfall out only under the package's own rule; then the package's periods. Months after the package's term
    /// are billed at the package's committed discount.
    /// </summary>
    public static LedgerKernel Replacing(Contract contract, Contract package, YearMonth first, IReadOnlyDictionary<YearMonth, Usd> actual)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(actual);
        var t0 = package.Start;
        if (t0 < first || t0 > contract.End)
            throw new ArgumentOutOfRangeException(nameof(package), t0, $"a package starts between {first} and the end of the old term ({contract.End})");
        var periods = new List<KernelPeriod>();
        var (carryIn, firstIndex) = Window(contract, first, actual, t0, package.Carryover, periods);
        var offset = first.MonthsUntil(t0);
        var terms = LedgerTerms.Of(package);
        foreach (var p in package.Periods)
        {
            periods.Add(new KernelPeriod(offset, p.Months, (double)p.Commitment.Value, 0, terms));
            offset += p.Months;
        }
        return new LedgerKernel(periods, carryIn, (double)package.CommittedDiscount) { FirstPeriodIndex = firstIndex };
    }

    /// <summary>Which period of the schedule holds month <paramref name="monthOffset"/> of the paths; −1 when none does.</summary>
    public int PeriodAt(int monthOffset)
    {
        for (var k = 0; k < _periods.Length; k++)
            if (monthOffset >= _periods[k].FirstMonthOffset && monthOffset < _periods[k].EndOffset) return k;
        return -1;
    }

    /// <summary>Runs one path of monthly list usage (at least <see cref="EndOffset"/> months), undiscounted.</summary>
    public KernelTotals Run(ReadOnlySpan<double> monthlyListUsage, Span<KernelPeriodResult> periods = default)
    {
        var buffer = new KernelPathBuffer(monthlyListUsage.Length);
        return Run(buffer.Fill(monthlyListUsage), periods);
    }

    /// <summary>
    /// Runs one path: trues up every period (docs/method.md §2), writing each one's figures to <paramref name="periods"/>
    /// when it is not empty, and bills the after-term months to the path's end when the kernel values them.
    /// </summary>
    public KernelTotals Run(scoped in KernelPath path, Span<KernelPeriodResult> periods = default)
    {
        if (path.Months < EndOffset) throw new ArgumentException($"the path has {path.Months} months; the schedule needs {EndOffset}", nameof(path));
        if (!periods.IsEmpty && periods.Length < _periods.Length) throw new ArgumentException($"room for {_periods.Length} periods is needed", nameof(periods));
        double committed = 0, overage = 0, premium = 0, forfeited = 0;
        var carry = CarryIn;
        var last = _periods.Length - 1;
        var write = !periods.IsEmpty;
        var discounted = path.Discounted;
        var cumulative = path.Cumulative;
        var guarded = path.ProtectedCumulative;
        for (var k = 0; k <= last; k++)
        {
            ref readonly var p = ref _periods[k];
            var from = Math.Max(0, p.FirstMonthOffset);
            var end = Math.Max(0, p.EndOffset);
            var sums = p.Terms.PriceProtected ? guarded : cumulative;
            var usage = p.KnownUsage + sums[end] - sums[from];
            var o = TrueUp(usage, p.Commitment, carry, p.Terms, hasNextPeriod: k < last);
            if (write) periods[k] = o;
            carry = o.CarryOut;
            premium += o.OveragePremium;
            forfeited += o.Forfeited;
            if (discounted)
            {
                // Cash timing (§2): a prepaid commitment at the period's start; in arrears spread over its months (months
                // before the paths count at factor 1); the true-up's overage at the period's last month.
                var factors = p.Terms.Prepaid
                    ? p.Months * path.Discount[from]
                    : (from - p.FirstMonthOffset) + path.DiscountSums[end] - path.DiscountSums[from];
                committed += p.Commitment / p.Months * factors;
                overage += o.OverageBilled * path.Discount[Math.Max(0, end - 1)];
            }
            else
            {
                committed += p.Commitment;
                overage += o.OverageBilled;
            }
        }

        var afterTerm = 0.0;
        if (AfterTermDiscount is { } d)
        {
            var e = EndOffset;
            var n = path.Months;
            var list = path.Discounted ? path.DiscountedCumulative[n] - path.DiscountedCumulative[e] : path.Cumulative[n] - path.Cumulative[e];
            afterTerm = list * (1 - d);
        }
        return new KernelTotals(committed, overage, premium, forfeited, afterTerm);
    }

    /// <summary>
    /// The true-up of one period (docs/method.md §2): capacity K = (C + c) / (1 − d); overage O = max(0, U − K), billed
    /// O(1 − d_o); premium O(d − d_o); bill C + O(1 − d_o); shortfall S = max(0, C + c − U(1 − d)); carry-out min(r·S, cap·C)
    /// when a next period follows (else 0); forfeited S − carry-out; position O(1 − d) − S.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static KernelPeriodResult TrueUp(double usage, double commitment, double carryIn, in LedgerTerms terms, bool hasNextPeriod)
    {
        var d = terms.CommittedDiscount;
        var capacity = (commitment + carryIn) / (1 - d);
        var overage = Math.Max(0, usage - capacity);
        var billed = overage * (1 - terms.OverageDiscount);
        var shortfall = Math.Max(0, commitment + carryIn - usage * (1 - d));
        var carryOut = hasNextPeriod ? Math.Min(terms.CarryoverFraction * shortfall, terms.CarryoverCap * commitment) : 0;
        return new KernelPeriodResult(usage, overage, billed, overage * (d - terms.OverageDiscount), shortfall, carryIn, carryOut,
            shortfall - carryOut, commitment + billed, overage * (1 - d) - shortfall);
    }

    /// <summary>
    /// Adds the periods of <paramref name="contract"/> that end after <paramref name="first"/> and start before
    /// <paramref name="until"/>; a period holding <paramref name="until"/> is closed there pro rata under
    /// <paramref name="stubCarryover"/> (the stub, §7). Returns the carry-in from the sunk periods and the first period's index.
    /// </summary>
    private static (double CarryIn, int FirstIndex) Window(Contract contract, YearMonth first, IReadOnlyDictionary<YearMonth, Usd> actual,
        YearMonth until, CarryoverRule? stubCarryover, List<KernelPeriod> into)
    {
        var terms = LedgerTerms.Of(contract);
        var carry = 0.0;
        var firstIndex = -1;
        var start = contract.Start;
        for (var k = 0; k < contract.Periods.Length && start < until; k++)
        {
            var period = contract.Periods[k];
            var end = start.AddMonths(period.Months); // exclusive
            var stub = end > until;
            var months = stub ? start.MonthsUntil(until) : period.Months;
            var close = start.AddMonths(months);
            var known = 0.0;
            for (var m = start; m < close && m < first; m = m.AddMonths(1)) known += (double)actual.GetValueOrDefault(m).Value;
            var commitment = (double)period.Commitment.Value;
            if (!stub && close <= first)
            {
                // Closed before the paths: sunk, but its carry-out is the next period's carry-in.
                carry = TrueUp(known, commitment, carry, terms, hasNextPeriod: k + 1 < contract.Periods.Length).CarryOut;
            }
            else
            {
                if (firstIndex < 0) firstIndex = k;
                into.Add(stub
                    ? new KernelPeriod(first.MonthsUntil(start), months, commitment * months / period.Months, known, LedgerTerms.Of(contract, stubCarryover!))
                    : new KernelPeriod(first.MonthsUntil(start), months, commitment, known, terms));
            }
            start = end;
        }
        return (carry, Math.Max(0, firstIndex));
    }

    private static void CheckTerms(in LedgerTerms t)
    {
        if (!(t.CommittedDiscount is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(t), t.CommittedDiscount, "committed discount must be in [0, 1)");
        if (!(t.OverageDiscount >= 0 && t.OverageDiscount <= t.CommittedDiscount)) throw new ArgumentOutOfRangeException(nameof(t), t.OverageDiscount, "overage discount must be in [0, committed discount]");
        if (!(t.CarryoverFraction is >= 0 and <= 1) || !(t.CarryoverCap is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(t), t, "carryover fraction and cap must be in [0, 1]");
    }
}
