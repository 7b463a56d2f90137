namespace Recommit.Forecasting;

/// <summary>
/// The standard Theta method (Assimakopoulos and Nikolopoulos 2000) in Hyndman and Billah's (2003) form: simple
/// exponential smoothing of the seasonally adjusted series plus a drift of half the slope of its least-squares line,
/// <c>ŷ(h) = ℓ_n + b/2 · (h − 1 + (1 − (1 − α)^n)/α)</c>, re-seasonalised by classical multiplicative decomposition
/// when the lag-m autocorrelation test finds seasonality (docs/method.md §4). Simulated paths follow the SES state space
/// around that forecast.
/// </summary>
internal sealed class ThetaModel : IPathModel
{
    private readonly EtsModel _ses;
    private readonly double[] _seasonal;
    private readonly int _length;
    private readonly double _drift;

    private ThetaModel(EtsModel ses, double[] seasonal, int length, double drift)
    {
        _ses = ses;
        _seasonal = seasonal;
        _length = length;
        _drift = drift;
    }

    public string Name => "Theta";

    /// <summary>The SES smoothing parameter of the adjusted series.</summary>
    public double Alpha => _ses.Alpha;

    /// <summary>Half the least-squares slope of the adjusted series.</summary>
    public double Drift => _drift;

    /// <summary>Whether the series was seasonally adjusted.</summary>
    public bool Seasonal => _seasonal.Length > 1;

    public static ThetaModel? Fit(ReadOnlySpan<double> y, int period)
    {
        var n = y.Length;
        var seasonal = new double[] { 1.0 };
        var positive = true;
        foreach (var v in y)
            if (!(v > 0)) positive = false;
        if (period > 1 && positive && ClassicalDecomposition.IsSeasonal(y, period))
        {
            seasonal = new double[period];
            ClassicalDecomposition.SeasonalIndices(y, period, multiplicative: true, seasonal);
        }
        var m = seasonal.Length;
        var adjusted = new double[n];
        for (var t = 0; t < n; t++) adjusted[t] = y[t] / seasonal[t % m];
        var ses = EtsModel.Fit(adjusted, 1, new EtsSpec(false, EtsTrend.None, EtsSeason.None));
        if (ses is null) return null;
        var (_, slope) = EtsModel.LeastSquaresLine(adjusted, firstX: 0);
        return new ThetaModel(ses, seasonal, n, slope / 2);
    }

    public void Simulate(ReadOnlySpan<double> innovations, Span<double> path) => Project(_ses.Level, _drift, _length, innovations, path);

    /// <summary>
    /// Point forecasts from every earlier origin: the SES level of the adjusted history at each origin (fitted smoothing
    /// parameter and seasonal indices) and the drift refitted on the points up to the origin — the slope is what
    /// drives long-horizon errors, and the whole history's slope would tell each origin where its future went — then
    /// projected as <see cref="Simulate"/> does with zero innovations.
    /// </summary>
    public void InSampleForecasts(ReadOnlySpan<double> y, int firstOrigin, int horizon, Span<double> forecasts)
    {
        var m = _seasonal.Length;
        var adjusted = new double[y.Length];
        for (var t = 0; t < y.Length; t++) adjusted[t] = y[t] / _seasonal[t % m];
        // The SES member's own in-sample forecasts are flat at its level after each origin.
        _ses.InSampleForecasts(adjusted, firstOrigin, 1, forecasts);
        var levels = forecasts[..Math.Max(0, y.Length - firstOrigin)].ToArray();
        Span<double> zeros = horizon <= 256 ? stackalloc double[horizon] : new double[horizon];
        zeros.Clear();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var t = 0; t < y.Length; t++)
        {
            if (t >= firstOrigin)
            {
                var denominator = t * sxx - sx * sx;
                var drift = denominator > 0 ? (t * sxy - sx * sy) / denominator / 2 : 0.0;
                Project(levels[t - firstOrigin], drift, t, zeros, forecasts.Slice((t - firstOrigin) * horizon, horizon));
            }
            sx += t;
            sy += adjusted[t];
            sxx += (double)t * t;
            sxy += t * adjusted[t];
        }
    }

    /// <summary>Runs the forecast forward from the SES level after <paramref name="origin"/> observations.</summary>
    private void Project(double level, double drift, int origin, ReadOnlySpan<double> innovations, Span<double> path)
    {
        var alpha = _ses.Alpha;
        var sigma = _ses.Sigma;
        var m = _seasonal.Length;
        var offset = (1 - Math.Pow(1 - alpha, origin)) / alpha;
        for (var h = 0; h < path.Length; h++)
        {
            var shock = sigma * innovations[h];
            var value = (level + shock + drift * (h + offset)) * _seasonal[(origin + h) % m];
            path[h] = value > 0 ? value : 0;
            level += alpha * shock;
        }
    }
}
