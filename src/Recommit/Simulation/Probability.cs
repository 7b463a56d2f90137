using System.Globalization;

namespace Recommit.Simulation;

/// <summary>
/// How a simulated probability is put into words: a percent rounded half away from zero, which says 100 % or 0 % only
/// when the probability is exactly 1 or 0 (every path, or none); a share of paths just short of either bound reads
/// <c>over 99 %</c> or <c>under 1 %</c>, so a sentence never claims a certainty its paths do not show.
/// </summary>
public static class Probability
{
    /// <summary>
    /// <paramref name="probability"/> as a percent to <paramref name="decimals"/> places followed by
    /// <paramref name="sign"/>: 0.985 → <c>99 %</c>, 0.995 → <c>over 99 %</c>, 0.004 → <c>under 1 %</c>, 1 → <c>100 %</c>.
    /// </summary>
    public static string Percent(double probability, int decimals = 0, string sign = " %")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (!double.IsFinite(probability)) return "n/a";
        var format = decimals == 0 ? "0" : "0." + new string('0', decimals);
        string Shown(decimal percent) => percent.ToString(format, CultureInfo.InvariantCulture) + sign;
        var p = Math.Clamp(probability, 0.0, 1.0);
        // The decimal conversion keeps 15 significant digits, so 0.995 (stored as 0.99499999…) rounds as the 0.995 it was counted as.
        var percent = Math.Round((decimal)p * 100m, decimals, MidpointRounding.AwayFromZero);
        var step = 1m / (decimal)Math.Pow(10, decimals);
        if (percent >= 100m && p < 1.0) return "over " + Shown(100m - step);
        if (percent <= 0m && p > 0.0) return "under " + Shown(step);
        return Shown(percent);
    }
}
