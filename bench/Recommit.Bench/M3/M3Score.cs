using Recommit.Forecasting;

namespace Recommit.Bench.M3;

/// <summary>
/// Accuracy of one method over the M3 series: mean sMAPE over all points, mean per-series MASE, 80/95 % coverage
/// overall and per horizon band (steps 1–6, 7–12, 13–18), seconds.
/// </summary>
internal sealed record M3Score(string Method, double Smape, double Mase, double Coverage80, double Coverage95, double Seconds,
    double[] Band80, double[] Band95)
{
    /// <summary>Steps per horizon band: 1–6, 7–12, 13–18.</summary>
    public const int BandWidth = 6;

    public static readonly string[] BandNames = ["1–6", "7–12", "13–18"];

    /// <summary>Scores forecasts (mean, lo80, hi80, lo95, hi95 per series, in the order of <paramref name="series"/>).</summary>
    public static M3Score Of(string method, IReadOnlyList<M3Series> series, IReadOnlyList<double[][]> forecasts, double seconds)
    {
        double smape = 0, mase = 0;
        int points = 0, in80 = 0, in95 = 0, maseSeries = 0;
        var bandPoints = new int[BandNames.Length];
        var band80 = new int[BandNames.Length];
        var band95 = new int[BandNames.Length];
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
            for (var h = 0; h < s.Test.Length; h++)
            {
                var band = Math.Min(h / BandWidth, BandNames.Length - 1);
                bandPoints[band]++;
                if (s.Test[h] >= f[1][h] && s.Test[h] <= f[2][h]) band80[band]++;
                if (s.Test[h] >= f[3][h] && s.Test[h] <= f[4][h]) band95[band]++;
            }
        }
        return new M3Score(method, smape / points, mase / maseSeries, (double)in80 / points, (double)in95 / points, seconds,
            [.. band80.Select((c, b) => (double)c / bandPoints[b])], [.. band95.Select((c, b) => (double)c / bandPoints[b])]);
    }
}
