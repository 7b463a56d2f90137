using MathNet.Numerics.Statistics;

namespace Recommit.Simulation;

/// <summary>
/// Estimates the correlation ρ of the joint shocks (docs/method.md §6) from the history: each series' month-on-month log
/// growth ln(x_t / x_{t−1}) (months where both are positive) stands in for its forecast residuals; ρ is the mean
/// Pearson correlation over every pair of series with at least 4 overlapping growth months, clamped to [0, 0.95].
/// With no such pair ρ is <see cref="Default"/> and the pair count is 0.
/// </summary>
public static class ShockCorrelation
{
    public const double Default = 0.5;

    /// <summary>The largest ρ used: perfectly correlated shocks would leave no room for each series' own noise.</summary>
    public const double Max = 0.95;

    public static (double Rho, int Pairs) Estimate(IReadOnlyList<double[]> histories)
    {
        var growth = histories.Select(Growth).ToList();
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < growth.Count; i++)
        {
            for (var j = i + 1; j < growth.Count; j++)
            {
                var n = Math.Min(growth[i].Length, growth[j].Length);
                var a = new List<double>();
                var b = new List<double>();
                // Align on the most recent months: histories end in the same month.
                for (var t = 1; t <= n; t++)
                {
                    var x = growth[i][^t];
                    var y = growth[j][^t];
                    if (double.IsNaN(x) || double.IsNaN(y)) continue;
                    a.Add(x);
                    b.Add(y);
                }
                if (a.Count < 4 || a.StandardDeviation() == 0 || b.StandardDeviation() == 0) continue;
                var r = Correlation.Pearson(a, b);
                if (double.IsNaN(r)) continue;
                sum += r;
                pairs++;
            }
        }
        return pairs == 0 ? (Default, 0) : (Math.Clamp(sum / pairs, 0, Max), pairs);
    }

    private static double[] Growth(double[] x)
    {
        if (x.Length < 2) return [];
        var g = new double[x.Length - 1];
        for (var t = 1; t < x.Length; t++)
            g[t - 1] = x[t] > 0 && x[t - 1] > 0 ? Math.Log(x[t] / x[t - 1]) : double.NaN;
        return g;
    }
}
