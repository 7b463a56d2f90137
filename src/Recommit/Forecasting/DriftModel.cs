namespace Recommit.Forecasting;

/// <summary>
/// The random walk with drift: <c>ŷ(h) = y_n + h·(y_n − y_1)/(n − 1)</c>; innovations with the standard deviation of
/// the differences around the drift. With a damping factor φ &lt; 1 the drift fades (<c>Σ φ^j</c>), the fallback
/// for series shorter than six points (docs/method.md §4).
/// </summary>
internal sealed class DriftModel : IPathModel
{
    private readonly double _last;
    private readonly double _slope;
    private readonly double _sigma;
    private readonly double _phi;

    public DriftModel(double last, double slope, double sigma, double phi, string name)
    {
        _last = last;
        _slope = slope;
        _sigma = sigma;
        _phi = phi;
        Name = name;
    }

    public string Name { get; }

    public double Slope => _slope;

    public static DriftModel Fit(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var slope = n > 1 ? (y[^1] - y[0]) / (n - 1) : 0.0;
        var sse = 0.0;
        for (var t = 1; t < n; t++)
        {
            var d = y[t] - y[t - 1] - slope;
            sse += d * d;
        }
        var sigma = n > 2 ? Math.Sqrt(sse / (n - 2)) : 0.0;
        return new DriftModel(y[^1], slope, sigma, 1.0, "Drift");
    }

    /// <summary>
    /// Damped drift for short series: the slope fades by φ = 0.8 a step, and the innovation scale is widened (at least
    /// 20 % of the mean level, and 1.5× the spread of the differences) because so little history says little.
    /// </summary>
    public static DriftModel FitDamped(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var slope = n > 1 ? (y[^1] - y[0]) / (n - 1) : 0.0;
        var mean = 0.0;
        foreach (var v in y) mean += v;
        mean /= n;
        var sse = 0.0;
        for (var t = 1; t < n; t++)
        {
            var d = y[t] - y[t - 1] - slope;
            sse += d * d;
        }
        var spread = n > 2 ? Math.Sqrt(sse / (n - 2)) : 0.0;
        var sigma = Math.Max(1.5 * spread, 0.2 * Math.Abs(mean));
        return new DriftModel(y[^1], slope, sigma, 0.8, "DampedDrift");
    }

    public void Simulate(ReadOnlySpan<double> innovations, Span<double> path) => Project(_last, _slope, innovations, path);

    /// <summary>Point forecasts from every earlier origin as if fitted there: the line through the first and the last value seen.</summary>
    public void InSampleForecasts(ReadOnlySpan<double> y, int firstOrigin, int horizon, Span<double> forecasts)
    {
        Span<double> zeros = horizon <= 256 ? stackalloc double[horizon] : new double[horizon];
        zeros.Clear();
        for (var o = Math.Max(firstOrigin, 1); o < y.Length; o++)
        {
            var slope = o > 1 ? (y[o - 1] - y[0]) / (o - 1) : 0.0;
            Project(y[o - 1], slope, zeros, forecasts.Slice((o - firstOrigin) * horizon, horizon));
        }
    }

    private void Project(double last, double slope, ReadOnlySpan<double> innovations, Span<double> path)
    {
        var level = last;
        var step = slope;
        for (var h = 0; h < path.Length; h++)
        {
            step *= _phi;
            level += step + _sigma * innovations[h];
            path[h] = level > 0 ? level : 0;
        }
    }
}
