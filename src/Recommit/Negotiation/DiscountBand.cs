using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// One row of the vendor's discount bands (docs/method.md §7): the committed discount offered for an annual commitment of
/// at least <see cref="MinAnnualCommit"/> over a term of at least <see cref="MinTermMonths"/> months.
/// </summary>
public sealed record DiscountBand(Usd MinAnnualCommit, int MinTermMonths, decimal Discount)
{
    /// <summary>
    /// The band discount for <paramref name="annualCommit"/> over <paramref name="termMonths"/>: the best (highest) discount
    /// among the rows that apply; null when none does.
    /// </summary>
    public static decimal? Lookup(IEnumerable<DiscountBand> bands, Usd annualCommit, int termMonths)
    {
        ArgumentNullException.ThrowIfNull(bands);
        decimal? best = null;
        foreach (var b in bands)
            if (annualCommit >= b.MinAnnualCommit && termMonths >= b.MinTermMonths && (best is null || b.Discount > best)) best = b.Discount;
        return best;
    }
}
