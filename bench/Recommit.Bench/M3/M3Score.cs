using Recommit.Forecasting;

namespace Recommit.Bench.M3;

/// <summary>Accuracy of one method over the M3 series: mean sMAPE over all points, mean per-series MASE, 80/95 % coverage, seconds.</summary>
internal sealed record M3Score(string Method, double Smape, double Mase, double Coverage80, double Coverage95, double Seconds)
{
    /// <summary>Scores forecasts (mean, lo80, hi80, lo95, hi95 per series, in the order of <paramref name="series"/>).</summary>
    public static M3Score Of(string method, IReadOnlyList<M3Series> series, IReadOnlyList<double[][]> forecasts, double seconds)
    {
        double smape = 0, mase = 0;
        int points = 0, in80 = 0, in95 = 0, maseSeries = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var f = forecasts[i];
            smape += ForecastAccuracy.SmapeSum(s.Test, f[0]);
            var scale = ForecastAccuracy.MaseScale(s.Train, s.Frequency);
            if (scale > 0)
            {
                var mae = 0.0;
                for (var h = 0; h < s.Test.Length; h++) mae += Math.Abs(s.Test[h] - f[0][h]);
                mase += mae / s.Test.Length / scale;
                maseSeries++;
            }
            in80 += ForecastAccuracy.Covered(s.Test, f[1], f[2]);
            in95 += ForecastAccuracy.Covered(s.Test, f[3], f[4]);
            points += s.Test.Length;
        }
        return new M3Score(method, smape / points, mase / maseSeries, (double)in80 / points, (double)in95 / points, seconds);
    }
}
