using Recommit.Money;

namespace Recommit.Fees;

/// <summary>The gainshare fee (docs/method.md §9): a share of verified savings, nothing on a saving at or below zero, no retainer.</summary>
internal static class Gainshare
{
    /// <summary>share × max(0, <paramref name="cumulativeSavings"/>), unrounded.</summary>
    public static Usd Fee(decimal share, Usd cumulativeSavings)
    {
        if (share is < 0m or > 1m) throw new ArgumentOutOfRangeException(nameof(share), share, "must be in [0, 1]");
        return Usd.Max(Usd.Zero, cumulativeSavings) * share;
    }

    /// <summary>The same in <see cref="double"/>, for simulated paths.</summary>
    public static double Fee(double share, double cumulativeSavings) => share * Math.Max(0, cumulativeSavings);
}
