namespace Recommit.Tests.Forecasting;

/// <summary>
/// Simple exponential smoothing computed independently of the engine: for a fixed α the one-step errors are linear
/// in the initial level ℓ0, so the best ℓ0 has a closed form; scanning α on a fine grid then gives the least-squares
/// (maximum-likelihood) optimum.
/// </summary>
internal static class SesReference
{
    public static (double Alpha, double FinalLevel, double Sse) BruteForce(double[] y)
    {
        var best = (Alpha: double.NaN, FinalLevel: double.NaN, Sse: double.PositiveInfinity);
        var a = new double[y.Length];
        var c = new double[y.Length];
        for (var step = 1; step < 10_000; step++)
        {
            var alpha = step / 10_000.0;
            // a_t: forecast error with ℓ0 = 0; c_t = (1 − α)^t: weight of ℓ0 in the forecast at t.
            var level = 0.0;
            double sac = 0, scc = 0;
            for (var t = 0; t < y.Length; t++)
            {
                a[t] = y[t] - level;
                c[t] = Math.Pow(1 - alpha, t);
                sac += a[t] * c[t];
                scc += c[t] * c[t];
                level += alpha * (y[t] - level);
            }
            var l0 = sac / scc;
            var sse = 0.0;
            for (var t = 0; t < y.Length; t++) sse += (a[t] - c[t] * l0) * (a[t] - c[t] * l0);
            if (sse < best.Sse) best = (alpha, level + Math.Pow(1 - alpha, y.Length) * l0, sse);
        }
        return best;
    }

    /// <summary>Least-squares slope of y against t = 0, 1, …</summary>
    public static double Slope(double[] y)
    {
        var n = y.Length;
        var tMean = (n - 1) / 2.0;
        var yMean = y.Average();
        double num = 0, den = 0;
        for (var t = 0; t < n; t++)
        {
            num += (t - tMean) * (y[t] - yMean);
            den += (t - tMean) * (t - tMean);
        }
        return num / den;
    }
}
