using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Recommit.Gap;

/// <summary>
/// The trend evidence behind a gap verdict (docs/method.md §3): the Mann–Kendall statistic S with its two-sided p-value from
/// the normal approximation with the tie correction (Kendall 1975; Hipel &amp; McLeod 1994, §23.3), and the Theil–Sen
/// slope (the median of pairwise slopes; Sen 1968) of the series per step.
/// </summary>
internal readonly record struct TrendTest(double S, double PValue, double TheilSenSlope)
{
    /// <summary>Runs both tests on <paramref name="values"/> (oldest first, equally spaced); null with fewer than 3 values.</summary>
    public static TrendTest? Of(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 3) return null;
        double s = 0;
        var slopes = new List<double>(n * (n - 1) / 2);
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(values[j] - values[i]);
                slopes.Add((values[j] - values[i]) / (j - i));
            }
        }
        // Variance of S under H0 with ties: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over groups of t tied values.
        var ties = values.GroupBy(v => v).Select(g => (double)g.Count()).Where(t => t > 1).Sum(t => t * (t - 1) * (2 * t + 5));
        var variance = (n * (n - 1.0) * (2 * n + 5) - ties) / 18.0;
        var z = variance <= 0 ? 0 : s > 0 ? (s - 1) / Math.Sqrt(variance) : s < 0 ? (s + 1) / Math.Sqrt(variance) : 0;
        var p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        return new TrendTest(s, Math.Min(1, p), slopes.Median());
    }
}
