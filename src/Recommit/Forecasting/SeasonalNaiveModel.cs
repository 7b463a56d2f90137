namespace Recommit.Forecasting;

/// <summary>
/// The seasonal naive forecast: each step repeats the value one season earlier, <c>ŷ(h) = y_{n − m + ((h − 1) mod m) + 1}</c>;
/// innovations with the root mean square of the lag-m differences, accumulating once per season (docs/method.md §4).
/// </summary>
internal sealed class SeasonalNaiveModel : IPathModel
{
    private readonly double[] _lastSeason;
    private readonly double _sigma;

    private SeasonalNaiveModel(double[] lastSeason, double sigma)
    {
        _lastSeason = lastSeason;
        _sigma = sigma;
    }

    public string Name => "SeasonalNaive";

    /// <summary>Fits lag <paramref name="period"/>; falls back to lag 1 (naive) when there is less than one season of history.</summary>
    public static SeasonalNaiveModel Fit(ReadOnlySpan<double> y, int period)
    {
        var n = y.Length;
        var m = period > 1 && n > period ? period : 1;
        var sse = 0.0;
        for (var t = m; t < n; t++)
        {
            var d = y[t] - y[t - m];
            sse += d * d;
        }
        var sigma = n > m ? Math.Sqrt(sse / (n - m)) : 0.0;
        return new SeasonalNaiveModel(y[(n - m)..].ToArray(), sigma);
    }

    public void Simulate(ReadOnlySpan<double> innovations, Span<double> path) => Project(_lastSeason, innovations, path);

    /// <summary>Point forecasts from every earlier origin that has a full season (or point) behind it: that season repeated.</summary>
    public void InSampleForecasts(ReadOnlySpan<double> y, int firstOrigin, int horizon, Span<double> forecasts)
    {
        var m = _lastSeason.Length;
        Span<double> zeros = horizon <= 256 ? stackalloc double[horizon] : new double[horizon];
        zeros.Clear();
        for (var o = Math.Max(firstOrigin, m); o < y.Length; o++) Project(y[(o - m)..o], zeros, forecasts.Slice((o - firstOrigin) * horizon, horizon));
    }

    private void Project(ReadOnlySpan<double> lastSeason, ReadOnlySpan<double> innovations, Span<double> path)
    {
        var m = lastSeason.Length;
        Span<double> state = m <= 128 ? stackalloc double[m] : new double[m];
        lastSeason.CopyTo(state);
        for (var h = 0; h < path.Length; h++)
        {
            var j = h % m;
            state[j] += _sigma * innovations[h];
            path[h] = state[j] > 0 ? state[j] : 0;
        }
    }
}
