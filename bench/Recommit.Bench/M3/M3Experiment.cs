using Recommit.Forecasting;

namespace Recommit.Bench.M3;

/// <summary>
/// Compares candidate combinations of fitted members by point sMAPE on the M3 series (RECOMMIT_M3_EXPERIMENT=1), to
/// choose the default combination. Prints to the bench log; not a quality figure.
/// </summary>
internal static class M3Experiment
{
    public static void Run(IReadOnlyList<M3Series> series, TextWriter log)
    {
        string[] names = ["ets", "damped", "damped2", "theta", "ses", "holtdamped-nonseasonal", "drift"];
        var points = new double[series.Count][][];
        Parallel.For(0, series.Count, i =>
        {
            var y = series[i].Train;
            var h = series[i].Test.Length;
            var fits = AutoEts.FitAll(y, 12);
            var damped = fits.Where(f => f.Spec.Trend == EtsTrend.Damped).ToList();
            IPathModel?[] members =
            [
                fits[0],
                damped.FirstOrDefault(),
                damped.FirstOrDefault(f => f != fits[0]),
                ThetaModel.Fit(y, 12),
                fits.FirstOrDefault(f => f.Spec is { Trend: EtsTrend.None, Season: EtsSeason.None }),
                fits.FirstOrDefault(f => f.Spec is { Trend: EtsTrend.Damped, Season: EtsSeason.None }),
                DriftModel.Fit(y),
            ];
            points[i] = [.. members.Select(m =>
            {
                var path = new double[h];
                (m ?? fits[0]).Simulate(new double[h], path);
                return path;
            })];
        });
        int[][] variants = [[0], [3], [0, 3], [0, 1, 3], [0, 2, 3], [0, 3, 3], [0, 1, 3, 3], [0, 2, 3, 3], [0, 3, 5], [1, 3], [0, 1, 2, 3], [0, 3, 4, 5]];
        foreach (var v in variants)
        {
            var sum = 0.0;
            var count = 0;
            for (var i = 0; i < series.Count; i++)
            {
                var h = series[i].Test.Length;
                var combo = new double[h];
                foreach (var k in v)
                    for (var s = 0; s < h; s++) combo[s] += points[i][k][s] / v.Length;
                sum += ForecastAccuracy.SmapeSum(series[i].Test, combo);
                count += h;
            }
            log.WriteLine($"M3 experiment {string.Join("+", v.Select(k => names[k]))}: sMAPE {sum / count:F3}");
        }
    }
}
