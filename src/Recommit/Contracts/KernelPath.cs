namespace Recommit.Contracts;

/// <summary>
/// One path of monthly list usage as a <see cref="LedgerKernel"/> reads it: running sums, so a period's usage is one
/// subtraction whatever its length and one path can be valued under many contracts cheaply (docs/method.md §7, common
/// random numbers). <see cref="Cumulative"/>[t] is the list usage of months 0..t−1 at the prices that reach the buyer
/// without price protection; <see cref="ProtectedCumulative"/> the same with list-price increases withheld (periods whose
/// terms are price-protected read it). With a discount rate, <see cref="Discount"/>[t] is month t's factor,
/// <see cref="DiscountSums"/>[t] the sum of the factors of months 0..t−1 and <see cref="DiscountedCumulative"/>[t] the
/// discounted usage of months 0..t−1; without one they are empty and every factor is 1. Fill one with
/// <see cref="KernelPathBuffer"/>.
/// </summary>
public readonly ref struct KernelPath
{
    public KernelPath(ReadOnlySpan<double> cumulative, ReadOnlySpan<double> protectedCumulative = default,
        ReadOnlySpan<double> discount = default, ReadOnlySpan<double> discountSums = default, ReadOnlySpan<double> discountedCumulative = default)
    {
        if (cumulative.IsEmpty) throw new ArgumentException("a path has running sums from month 0 (length months + 1)", nameof(cumulative));
        var months = cumulative.Length - 1;
        if (!protectedCumulative.IsEmpty && protectedCumulative.Length != cumulative.Length)
            throw new ArgumentException("protected running sums have the same length as the running sums", nameof(protectedCumulative));
        if (!discount.IsEmpty && (discount.Length < months || discountSums.Length != cumulative.Length || discountedCumulative.Length != cumulative.Length))
            throw new ArgumentException("discount factors need their running sums and the discounted usage's", nameof(discount));
        Cumulative = cumulative;
        ProtectedCumulative = protectedCumulative.IsEmpty ? cumulative : protectedCumulative;
        Discount = discount;
        DiscountSums = discountSums;
        DiscountedCumulative = discountedCumulative;
    }

    public ReadOnlySpan<double> Cumulative { get; }
    public ReadOnlySpan<double> ProtectedCumulative { get; }
    public ReadOnlySpan<double> Discount { get; }
    public ReadOnlySpan<double> DiscountSums { get; }
    public ReadOnlySpan<double> DiscountedCumulative { get; }

    /// <summary>Months on the path.</summary>
    public int Months => Cumulative.Length - 1;

    /// <summary>Whether the amounts are discounted.</summary>
    public bool Discounted => !Discount.IsEmpty;
}
