namespace Recommit.Forecasting;

/// <summary>
/// Classical seasonal decomposition (as R's <c>decompose</c>): a centred moving average of length m (2×m for even m)
/// estimates the trend; the average detrended value per season, normalised to mean 1 (multiplicative) or 0
/// (additive), is the seasonal index (docs/method.md §4, used by Theta and for ETS initial states).
/// </summary>
internal static class ClassicalDecomposition
{
    /// <summary>Writes the m seasonal indices into <paramref name="indices"/>; index j belongs to observations t with t mod m = j.</summary>
    public static void SeasonalIndices(ReadOnlySpan<double> y, int m, bool multiplicative, Span<double> indices)
    {
        var n = y.Length;
        Span<double> sums = m <= 128 ? stackalloc double[m] : new double[m];
        Span<int> counts = m <= 128 ? stackalloc int[m] : new int[m];
        sums.Clear();
        counts.Clear();
        var half = m / 2;
        for (var t = half; t + half < n; t++)
        {
            double trend;
            if (m % 2 == 0)
            {
                var sum = 0.5 * (y[t - half] + y[t + half]);
                for (var k = t - half + 1; k < t + half; k++) sum += y[k];
                trend = sum / m;
            }
            else
            {
                var sum = 0.0;
                for (var k = t - half; k <= t + half; k++) sum += y[k];
                trend = sum / m;
            }
            if (multiplicative)
            {
                if (!(trend > 0)) continue;
                sums[t % m] += y[t] / trend;
            }
            else
            {
                sums[t % m] += y[t] - trend;
            }
            counts[t % m]++;
        }
        var total = 0.0;
        var neutral = multiplicative ? 1.0 : 0.0;
        for (var j = 0; j < m; j++)
        {
            indices[j] = counts[j] > 0 ? sums[j] / counts[j] : neutral;
            total += indices[j];
        }
        var mean = total / m;
        for (var j = 0; j < m; j++)
        {
            if (multiplicative) indices[j] = mean > 0 ? indices[j] / mean : 1.0;
            else indices[j] -= mean;
        }
    }

    /// <summary>
    /// The usual seasonality test before seasonal adjustment (as in R's <c>thetaf</c>): the lag-m autocorrelation is
    /// significant at 90 % (two-sided) against its Bartlett standard error √((1 + 2Σ_{k&lt;m} r_k²)/n).
    /// </summary>
    public static bool IsSeasonal(ReadOnlySpan<double> y, int m)
    {
        var n = y.Length;
        if (m <= 1 || n <= 2 * m) return false;
        var mean = 0.0;
        foreach (var v in y) mean += v;
        mean /= n;
        var denominator = 0.0;
        foreach (var v in y) denominator += (v - mean) * (v - mean);
        if (!(denominator > 0)) return false;
        var sumSquares = 0.0;
        var rm = 0.0;
        for (var k = 1; k <= m; k++)
        {
            var c = 0.0;
            for (var t = 0; t + k < n; t++) c += (y[t] - mean) * (y[t + k] - mean);
            var r = c / denominator;
            if (k < m) sumSquares += r * r;
            else rm = r;
        }
        var stat = Math.Sqrt((1 + 2 * sumSquares) / n);
        return Math.Abs(rm) / stat > 1.6448536269514722;
    }
}
