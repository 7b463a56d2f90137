using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Recommit.Forecasting;

/// <summary>
/// A fitted ETS state-space model (Hyndman, Koehler, Ord and Snyder 2008; docs/method.md §4): smoothing parameters by
/// maximum likelihood (Nelder–Mead from MathNet.Numerics), initial level and slope optimised with them, initial
/// seasonal states from a classical decomposition of the first years. The recursions are those of the
/// error-correction form, shared by additive and multiplicative error; the error type changes the likelihood and the
/// way innovations enter a simulated path.
/// </summary>
internal sealed class EtsModel : IPathModel
{
    private const double ParameterFloor = 1e-4;
    private const double PhiLow = 0.8;
    private const double PhiHigh = 0.98;

    private readonly double[] _seasonal;
    private readonly double[] _seasonal0;
    private readonly Parameters _parameters;

    private EtsModel(EtsSpec spec, int period, int length, Parameters parameters, double[] seasonal0,
        double level, double slope, double[] seasonal, double sigma, double likelihood, int parameterCount)
    {
        var (alpha, beta, gamma, phi, _, _) = parameters;
        _parameters = parameters;
        _seasonal0 = seasonal0;
        Spec = spec;
        Period = period;
        Length = length;
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Phi = phi;
        Level = level;
        Slope = slope;
        _seasonal = seasonal;
        Sigma = sigma;
        Likelihood = likelihood;
        ParameterCount = parameterCount;
        var k = parameterCount;
        Aic = likelihood + 2 * k;
        Aicc = length - k - 1 > 0 ? Aic + 2.0 * k * (k + 1) / (length - k - 1) : double.PositiveInfinity;
    }

    public EtsSpec Spec { get; }
    public int Period { get; }
    public int Length { get; }
    public double Alpha { get; }
    public double Beta { get; }
    public double Gamma { get; }
    public double Phi { get; }

    /// <summary>Level state after the last observation.</summary>
    public double Level { get; }

    /// <summary>Slope state after the last observation (0 without trend).</summary>
    public double Slope { get; }

    /// <summary>Standard deviation of the innovations (relative errors for multiplicative error).</summary>
    public double Sigma { get; }

    /// <summary>−2 log-likelihood up to a constant: n·log(SSE) (+ 2·Σ log|ŷ| for multiplicative error).</summary>
    public double Likelihood { get; }

    /// <summary>Parameters counted for the information criterion: smoothing parameters, initial states, and σ.</summary>
    public int ParameterCount { get; }

    public double Aic { get; }
    public double Aicc { get; }

    public string Name => Spec.ToString();

    /// <summary>The smallest series length for which <paramref name="spec"/> can be fitted at <paramref name="period"/>.</summary>
    public static int MinimumLength(EtsSpec spec, int period)
    {
        var k = CountParameters(spec, period);
        var min = k + 2;
        return spec.HasSeason ? Math.Max(min, 2 * period + 2) : Math.Max(min, 4);
    }

    /// <summary>
    /// Fits <paramref name="spec"/> to <paramref name="y"/>; null when the series is too short or the model cannot be
    /// fitted (e.g. multiplicative components on non-positive data).
    /// </summary>
    public static EtsModel? Fit(ReadOnlySpan<double> y, int period, EtsSpec spec)
    {
        var n = y.Length;
        var m = spec.HasSeason ? period : 1;
        if (n < MinimumLength(spec, period)) return null;
        if (spec.MultiplicativeError || spec.Season == EtsSeason.Multiplicative)
        {
            foreach (var v in y)
                if (!(v > 0)) return null;
        }

        var data = y.ToArray();
        var seasonal0 = new double[m];
        var (level0, slope0) = InitialStates(data, m, spec, seasonal0);
        var scale = 0.0;
        foreach (var v in data) scale += Math.Abs(v);
        scale = Math.Max(scale / n * 0.1, 1e-8);

        // Unconstrained coordinates: logit-transformed smoothing parameters, then level and slope offsets in units of scale.
        var dims = 1 + (spec.HasTrend ? 1 : 0) + (spec.HasSeason ? 1 : 0) + (spec.Trend == EtsTrend.Damped ? 1 : 0) + 1 + (spec.HasTrend ? 1 : 0);
        var start = new double[dims];
        var i = 0;
        var alphaStart = spec.HasSeason ? 0.1 : 0.3;
        start[i++] = Logit((alphaStart - ParameterFloor) / (1 - 2 * ParameterFloor));
        if (spec.HasTrend) start[i++] = Logit(0.1);
        if (spec.HasSeason) start[i++] = Logit(0.05);
        if (spec.Trend == EtsTrend.Damped) start[i++] = Logit((0.95 - PhiLow) / (PhiHigh - PhiLow));

        var work = new double[m];
        var best = double.PositiveInfinity;
        var bestPoint = start;
        double Objective(Vector<double> x)
        {
            var p = Decode(x, spec, level0, slope0, scale);
            var value = Run(data, spec, m, p, seasonal0, work, out _, out _, out _);
            if (value < best)
            {
                best = value;
                bestPoint = x.ToArray();
            }
            return value;
        }

        var initial = Vector<double>.Build.DenseOfArray(start);
        var perturbation = Vector<double>.Build.Dense(dims, 0.5);
        try
        {
            NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), initial, perturbation, 1e-5, 1000);
        }
        catch (MaximumIterationsException)
        {
            // The best point seen so far is kept below.
        }
        if (double.IsPositiveInfinity(best)) return null;

        var final = Decode(Vector<double>.Build.DenseOfArray(bestPoint), spec, level0, slope0, scale);
        var seasonal = new double[m];
        var likelihood = Run(data, spec, m, final, seasonal0, seasonal, out var sse, out var level, out var slope);
        var k = CountParameters(spec, period);
        var sigma = Math.Sqrt(sse / Math.Max(1, n - k + 1)); // as R: SSE / (n − number of estimated parameters other than σ)
        return new EtsModel(spec, m, n, final, seasonal0, level, slope, seasonal, sigma, likelihood, k);
    }

    /// <summary>Writes a path driven by <paramref name="innovations"/> (zeros → the point forecast); values are floored at zero.</summary>
    public void Simulate(ReadOnlySpan<double> innovations, Span<double> path) => Project(Level, Slope, _seasonal, Length, innovations, path);

    /// <summary>
    /// Point forecasts from every earlier origin with the fitted parameters: the recursions run from the initial states
    /// over <paramref name="y"/> (the fitted history), and at each origin o ≥ <paramref name="firstOrigin"/> the states
    /// are projected <paramref name="horizon"/> steps with zero innovations (docs/method.md §4).
    /// </summary>
    public void InSampleForecasts(ReadOnlySpan<double> y, int firstOrigin, int horizon, Span<double> forecasts)
    {
        var m = Period;
        Span<double> s = m <= 128 ? stackalloc double[m] : new double[m];
        _seasonal0.CopyTo(s);
        Span<double> zeros = horizon <= 256 ? stackalloc double[horizon] : new double[horizon];
        zeros.Clear();
        var l = _parameters.Level0;
        var b = _parameters.Slope0;
        for (var t = 0; t < y.Length; t++)
        {
            if (t >= firstOrigin) Project(l, b, s, t, zeros, forecasts.Slice((t - firstOrigin) * horizon, horizon));
            var phib = Spec.Trend switch { EtsTrend.None => 0.0, EtsTrend.Additive => b, _ => Phi * b };
            var si = t % m;
            Update(Spec, y[t], l + phib, phib, s[si], si, Alpha, Beta, Gamma, ref l, ref b, s);
        }
    }

    /// <summary>Runs the model forward from states (l, b, seasonal) after <paramref name="origin"/> observations.</summary>
    private void Project(double l, double b, ReadOnlySpan<double> seasonal, int origin, ReadOnlySpan<double> innovations, Span<double> path)
    {
        var m = Period;
        Span<double> s = m <= 128 ? stackalloc double[m] : new double[m];
        seasonal.CopyTo(s);
        for (var h = 0; h < path.Length; h++)
        {
            var phib = Spec.Trend switch { EtsTrend.None => 0.0, EtsTrend.Additive => b, _ => Phi * b };
            var q = l + phib;
            var si = (origin + h) % m;
            var sOld = s[si];
            var f = Spec.Season switch { EtsSeason.None => q, EtsSeason.Additive => q + sOld, _ => q * sOld };
            var z = innovations[h];
            var y = Spec.MultiplicativeError ? f * (1 + Sigma * z) : f + Sigma * z;
            if (!(y > 0)) y = 0;
            path[h] = y;
            if (z == 0) y = f; // the point path follows the unfloored recursion so zero shocks reproduce the mean exactly
            Update(Spec, y, q, phib, sOld, si, Alpha, Beta, Gamma, ref l, ref b, s);
        }
    }

    internal readonly record struct Parameters(double Alpha, double Beta, double Gamma, double Phi, double Level0, double Slope0);

    private static Parameters Decode(Vector<double> x, EtsSpec spec, double level0, double slope0, double scale)
    {
        var i = 0;
        var alpha = ParameterFloor + (1 - 2 * ParameterFloor) * Logistic(x[i++]);
        var beta = spec.HasTrend ? ParameterFloor + (alpha - 2 * ParameterFloor) * Logistic(x[i++]) : 0.0;
        var gamma = spec.HasSeason ? ParameterFloor + (1 - alpha - 2 * ParameterFloor) * Logistic(x[i++]) : 0.0;
        var phi = spec.Trend == EtsTrend.Damped ? PhiLow + (PhiHigh - PhiLow) * Logistic(x[i++]) : 1.0;
        var l0 = level0 + scale * x[i++];
        var b0 = spec.HasTrend ? slope0 + scale * 0.1 * x[i] : 0.0;
        return new Parameters(alpha, beta, gamma, phi, l0, b0);
    }

    /// <summary>
    /// Runs the recursions over the data; returns the criterion n·log(SSE) (+ 2·Σ log ŷ for multiplicative error), or
    /// +∞ when a multiplicative component leaves the positive range. <paramref name="seasonal"/> receives the final
    /// seasonal states (index t mod m).
    /// </summary>
    internal static double Run(ReadOnlySpan<double> y, EtsSpec spec, int m, Parameters p, ReadOnlySpan<double> seasonal0,
        Span<double> seasonal, out double sse, out double level, out double slope)
    {
        seasonal0.CopyTo(seasonal);
        var l = p.Level0;
        var b = p.Slope0;
        var sumE2 = 0.0;
        var sumLogF = 0.0;
        sse = double.NaN;
        level = l;
        slope = b;
        var multiplicativeError = spec.MultiplicativeError;
        for (var t = 0; t < y.Length; t++)
        {
            var phib = spec.Trend switch { EtsTrend.None => 0.0, EtsTrend.Additive => b, _ => p.Phi * b };
            var q = l + phib;
            var si = t % m;
            var sOld = seasonal[si];
            double f;
            switch (spec.Season)
            {
                case EtsSeason.None: f = q; break;
                case EtsSeason.Additive: f = q + sOld; break;
                default:
                    if (!(q > 0) || !(sOld > 0)) return double.PositiveInfinity;
                    f = q * sOld;
                    break;
            }
            double e;
            if (multiplicativeError)
            {
                if (!(f > 1e-10)) return double.PositiveInfinity;
                e = (y[t] - f) / f;
                sumLogF += Math.Log(f);
            }
            else
            {
                e = y[t] - f;
            }
            sumE2 += e * e;
            Update(spec, y[t], q, phib, sOld, si, p.Alpha, p.Beta, p.Gamma, ref l, ref b, seasonal);
        }
        sse = sumE2;
        level = l;
        slope = b;
        var n = y.Length;
        var value = n * Math.Log(Math.Max(sumE2, 1e-300)) + 2 * sumLogF;
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }

    private static void Update(EtsSpec spec, double y, double q, double phib, double sOld, int si,
        double alpha, double beta, double gamma, ref double l, ref double b, Span<double> seasonal)
    {
        var p = spec.Season switch { EtsSeason.None => y, EtsSeason.Additive => y - sOld, _ => sOld > 0 ? y / sOld : q };
        var lNew = q + alpha * (p - q);
        if (spec.HasTrend) b = phib + beta / alpha * (lNew - l - phib);
        if (spec.HasSeason)
        {
            if (spec.Season == EtsSeason.Additive) seasonal[si] = sOld + gamma * (y - q - sOld);
            else if (q > 0) seasonal[si] = sOld + gamma * (y / q - sOld);
        }
        l = lNew;
    }

    private static int CountParameters(EtsSpec spec, int period)
    {
        var k = 1 + 1 + 1; // alpha, initial level, sigma
        if (spec.HasTrend) k += 2;
        if (spec.Trend == EtsTrend.Damped) k += 1;
        if (spec.HasSeason) k += 1 + (period - 1);
        return k;
    }

    /// <summary>Heuristic initial states: seasonal indices by classical decomposition of the first three years, level and slope by least squares on the first points of the adjusted series.</summary>
    private static (double Level, double Slope) InitialStates(double[] y, int m, EtsSpec spec, double[] seasonal)
    {
        var n = y.Length;
        if (spec.HasSeason)
        {
            var head = y.AsSpan(0, Math.Min(n, 3 * m));
            var multiplicative = spec.Season == EtsSeason.Multiplicative;
            ClassicalDecomposition.SeasonalIndices(head, m, multiplicative, seasonal);
        }
        else
        {
            seasonal[0] = 1.0;
        }
        var maxn = Math.Min(Math.Max(10, 2 * m), n);
        Span<double> adjusted = maxn <= 256 ? stackalloc double[maxn] : new double[maxn];
        for (var t = 0; t < maxn; t++)
        {
            adjusted[t] = spec.Season switch
            {
                EtsSeason.None => y[t],
                EtsSeason.Additive => y[t] - seasonal[t % m],
                _ => y[t] / seasonal[t % m],
            };
        }
        if (!spec.HasTrend)
        {
            var mean = 0.0;
            foreach (var v in adjusted) mean += v;
            return (mean / maxn, 0.0);
        }
        var (intercept, slope) = LeastSquaresLine(adjusted, firstX: 1);
        return (intercept, slope);
    }

    /// <summary>Ordinary least-squares line through (firstX + i, values[i]); returns intercept (at x = 0) and slope.</summary>
    internal static (double Intercept, double Slope) LeastSquaresLine(ReadOnlySpan<double> values, double firstX)
    {
        var n = values.Length;
        if (n == 1) return (values[0], 0.0);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var x = firstX + i;
            sx += x;
            sy += values[i];
            sxx += x * x;
            sxy += x * values[i];
        }
        var denominator = n * sxx - sx * sx;
        var slope = denominator == 0 ? 0.0 : (n * sxy - sx * sy) / denominator;
        var intercept = (sy - slope * sx) / n;
        return (intercept, slope);
    }

    private static double Logistic(double u) => 1.0 / (1.0 + Math.Exp(-u));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
