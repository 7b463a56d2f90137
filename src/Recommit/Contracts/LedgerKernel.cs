namespace Recommit.Contracts;

/// <summary>
/// The contract ledger of docs/method.md §2 in <see cref="double"/>, for the Monte Carlo engine (docs/method.md §6): many paths of
/// monthly list usage through one contract's true-up periods without allocating. Build one per contract (it keeps the
/// period lengths and commitments), then call <see cref="Run"/> per path or <see cref="RunPaths"/> over a path × month
/// matrix, each period trued up by <see cref="PeriodLedger"/>. Every period passed is trued up as closed, and the term's last period carries nothing out; the figures agree with <see cref="Ledger"/> to floating-point
/// precision (a property test holds them to 1e-6 relative).
/// </summary>
public sealed class LedgerKernel
{
    private readonly int[] _months;
    private readonly double[] _commitments;
    private readonly LedgerTerms _terms;

    /// <summary>Creates the kernel for <paramref name="contract"/>'s periods and terms.</summary>
    public LedgerKernel(Contract contract)
        : this(
            [.. (contract ?? throw new ArgumentNullException(nameof(contract))).Periods.Select(p => p.Months)],
            [.. contract.Periods.Select(p => (double)p.Commitment.Value)],
            (double)contract.CommittedDiscount, (double)contract.OverageDiscount,
            (double)contract.Carryover.Fraction, (double)contract.Carryover.Cap)
    {
    }

    /// <summary>Creates the kernel from period lengths and commitments (dollars at committed rates) and the terms.</summary>
    public LedgerKernel(ReadOnlySpan<int> periodMonths, ReadOnlySpan<double> commitments, double committedDiscount, double overageDiscount,
        double carryoverFraction, double carryoverCap)
    {
        if (periodMonths.Length != commitments.Length) throw new ArgumentException("one commitment per period", nameof(commitments));
        if (periodMonths.Length == 0) throw new ArgumentException("at least one period", nameof(periodMonths));
        foreach (var m in periodMonths) if (m < 1) throw new ArgumentOutOfRangeException(nameof(periodMonths), m, "a period has at least one month");
        foreach (var c in commitments) if (!(c >= 0)) throw new ArgumentOutOfRangeException(nameof(commitments), c, "commitments are ≥ 0");
        if (!(committedDiscount >= 0 && committedDiscount < 1)) throw new ArgumentOutOfRangeException(nameof(committedDiscount), committedDiscount, "must be in [0, 1)");
        if (!(overageDiscount >= 0 && overageDiscount <= committedDiscount)) throw new ArgumentOutOfRangeException(nameof(overageDiscount), overageDiscount, "must be in [0, committed discount]");
        if (!(carryoverFraction is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(carryoverFraction), carryoverFraction, "must be in [0, 1]");
        if (!(carryoverCap is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(carryoverCap), carryoverCap, "must be in [0, 1]");
        _months = periodMonths.ToArray();
        _commitments = commitments.ToArray();
        _terms = new LedgerTerms(committedDiscount, overageDiscount, carryoverFraction, carryoverCap);
        var term = 0;
        foreach (var m in _months) term = checked(term + m);
        TermMonths = term;
    }

    public int PeriodCount => _months.Length;
    public int TermMonths { get; }
    public double CarryoverFraction => _terms.CarryoverFraction;
    public double CarryoverCap => _terms.CarryoverCap;

    /// <summary>Length in months of period <paramref name="index"/>.</summary>
    public int PeriodMonths(int index) => _months[index];

    /// <summary>
    /// Trues up the periods from <paramref name="firstPeriod"/> on, over <paramref name="monthlyListUsage"/> whose first
    /// element is the first month of that period, entering it with <paramref name="carryIn"/>. Only periods whose months are
    /// all in the span are computed (a trailing partial period is left out); returns how many were written to
    /// <paramref name="output"/>.
    /// </summary>
    public int Run(ReadOnlySpan<double> monthlyListUsage, Span<KernelPeriod> output, int firstPeriod = 0, double carryIn = 0)
    {
        if ((uint)firstPeriod > (uint)_months.Length) throw new ArgumentOutOfRangeException(nameof(firstPeriod));
        var offset = 0;
        var written = 0;
        for (var p = firstPeriod; p < _months.Length; p++)
        {
            var length = _months[p];
            if (offset + length > monthlyListUsage.Length) break;
            if (written >= output.Length) throw new ArgumentException("output is shorter than the periods to compute", nameof(output));
            var usage = 0.0;
            foreach (var u in monthlyListUsage.Slice(offset, length)) usage += u;
            var o = PeriodLedger.TrueUp(usage, _commitments[p], carryIn, _terms, hasNextPeriod: p < _months.Length - 1);
            output[written++] = new KernelPeriod(usage, o.OverageList, o.OverageBilled, o.Premium, o.Shortfall, carryIn, o.CarryOut, o.Forfeited, o.Bill);
            carryIn = o.CarryOut;
            offset += length;
        }
        return written;
    }

    /// <summary>
    /// Runs every path of a row-major matrix <paramref name="usage"/> (path × <paramref name="monthsPerPath"/> months,
    /// each row starting at the first month of <paramref name="firstPeriod"/>) into <paramref name="output"/>, path × periods
    /// computed (each row <see cref="PeriodsCovered"/> long). Returns the periods computed per path.
    /// </summary>
    public int RunPaths(ReadOnlySpan<double> usage, int monthsPerPath, Span<KernelPeriod> output, int firstPeriod = 0, double carryIn = 0)
    {
        if (monthsPerPath < 1 || usage.Length % monthsPerPath != 0) throw new ArgumentException("usage is whole rows of monthsPerPath", nameof(usage));
        var paths = usage.Length / monthsPerPath;
        var periods = PeriodsCovered(monthsPerPath, firstPeriod);
        if (output.Length < paths * periods) throw new ArgumentException($"output needs {paths * periods} elements", nameof(output));
        for (var i = 0; i < paths; i++)
            Run(usage.Slice(i * monthsPerPath, monthsPerPath), output.Slice(i * periods, periods), firstPeriod, carryIn);
        return periods;
    }

    /// <summary>How many whole periods from <paramref name="firstPeriod"/> fit in <paramref name="months"/> months.</summary>
    public int PeriodsCovered(int months, int firstPeriod = 0)
    {
        var n = 0;
        for (var p = firstPeriod; p < _months.Length && months >= _months[p]; p++)
        {
            months -= _months[p];
            n++;
        }
        return n;
    }
}
