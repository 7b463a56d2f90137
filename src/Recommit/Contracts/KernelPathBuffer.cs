namespace Recommit.Contracts;

/// <summary>
/// Reusable storage for one <see cref="KernelPath"/>: fills the running sums from monthly list usage, optionally with
/// per-month list-price factors (all moves, and only the decreases for price-protected periods) and an annual discount
/// rate applied monthly (docs/method.md §7: the factor of month t is (1 + rate)^(−t/12)). One per thread.
/// </summary>
internal sealed class KernelPathBuffer
{
    private readonly double[] _cumulative;
    private readonly double[] _protected;
    private readonly double[] _discount;
    private readonly double[] _discountSums;
    private readonly double[] _discounted;
    private readonly bool _discounting;

    /// <summary>Storage for paths of <paramref name="months"/> months, discounted at <paramref name="annualDiscountRate"/> (0 = none).</summary>
    public KernelPathBuffer(int months, double annualDiscountRate = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        if (!(annualDiscountRate > -1)) throw new ArgumentOutOfRangeException(nameof(annualDiscountRate), annualDiscountRate, "must be above −1");
        Months = months;
        _cumulative = new double[months + 1];
        _protected = new double[months + 1];
        _discounting = annualDiscountRate != 0;
        _discount = _discounting ? new double[months] : [];
        _discountSums = _discounting ? new double[months + 1] : [];
        _discounted = _discounting ? new double[months + 1] : [];
        for (var t = 0; t < _discount.Length; t++)
        {
            _discount[t] = Math.Pow(1 + annualDiscountRate, -t / 12.0);
            _discountSums[t + 1] = _discountSums[t] + _discount[t];
        }
    }

    public int Months { get; }

    /// <summary>
    /// Fills the sums from <paramref name="usage"/> (list dollars at today's prices, at least <see cref="Months"/> months),
    /// each month scaled by <paramref name="priceFactor"/> and, for protected periods, <paramref name="protectedFactor"/>
    /// (empty: 1 every month).
    /// </summary>
    public KernelPath Fill(ReadOnlySpan<double> usage, ReadOnlySpan<double> priceFactor = default, ReadOnlySpan<double> protectedFactor = default)
    {
        if (usage.Length < Months) throw new ArgumentException($"the path has {usage.Length} months, fewer than {Months}", nameof(usage));
        var scaled = !priceFactor.IsEmpty;
        if (scaled && (priceFactor.Length < Months || protectedFactor.Length < Months))
            throw new ArgumentException("price factors cover every month", nameof(priceFactor));
        double sum = 0, guarded = 0, discounted = 0;
        for (var t = 0; t < Months; t++)
        {
            var full = scaled ? usage[t] * priceFactor[t] : usage[t];
            sum += full;
            guarded += scaled ? usage[t] * protectedFactor[t] : usage[t];
            _cumulative[t + 1] = sum;
            _protected[t + 1] = guarded;
            if (_discounting)
            {
                discounted += full * _discount[t];
                _discounted[t + 1] = discounted;
            }
        }
        return Path;
    }

    /// <summary>The path last filled.</summary>
    public KernelPath Path => new(_cumulative, _protected, _discount, _discountSums, _discounted);
}
