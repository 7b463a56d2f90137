namespace Recommit.Forecasting;

/// <summary>Accuracy of a forecaster by rolling-origin evaluation (docs/method.md §4, docs/quality.md A4).</summary>
/// <param name="Series">Series that had at least one origin.</param>
/// <param name="Origins">Forecast origins evaluated over all series.</param>
/// <param name="Horizon">Largest number of steps scored from an origin.</param>
/// <param name="Smape">Mean sMAPE (percent) over every scored point.</param>
/// <param name="Mase">Mean absolute error scaled by the in-sample seasonal-naive (or naive) MAE of each origin's history, over every scored point with a non-zero scale.</param>
/// <param name="Coverage80">Share of scored points inside the 80 % interval (NaN when 80 is not a requested level).</param>
/// <param name="Coverage95">Share of scored points inside the 95 % interval (NaN when 95 is not a requested level).</param>
internal sealed record BacktestResult(int Series, int Origins, int Horizon, double Smape, double Mase, double Coverage80, double Coverage95);

/// <summary>
/// Rolling-origin evaluation: for each origin, fit on the history up to it, forecast up to <c>horizon</c> steps, and
/// score against what followed (docs/method.md §4). Every origin from <c>minTrain</c> points to one point before the end is
/// used; near the end fewer steps remain and fewer are scored.
/// </summary>
internal static class Backtest
{
    /// <summary>Scores <paramref name="options"/>' forecaster on each series; origins leave at least <paramref name="minTrain"/> points to fit.</summary>
    public static BacktestResult RollingOrigin(IReadOnlyList<double[]> series, int horizon, int minTrain, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minTrain, 1);
        var partials = new Partial[series.Count];
        Parallel.For(0, series.Count, i => partials[i] = Score(series[i], horizon, minTrain, options));

        var total = new Partial();
        var seriesCount = 0;
        foreach (var p in partials)
        {
            if (p.Origins > 0) seriesCount++;
            total = total.Add(p);
        }
        var has80 = !options.Levels.IsDefault && options.Levels.Contains(80);
        var has95 = !options.Levels.IsDefault && options.Levels.Contains(95);
        return new BacktestResult(seriesCount, total.Origins, horizon,
            total.Points > 0 ? total.SmapeSum / total.Points : double.NaN,
            total.MasePoints > 0 ? total.MaseSum / total.MasePoints : double.NaN,
            has80 && total.Points > 0 ? (double)total.In80 / total.Points : double.NaN,
            has95 && total.Points > 0 ? (double)total.In95 / total.Points : double.NaN);
    }

    private static Partial Score(double[] y, int horizon, int minTrain, ForecastOptions options)
    {
        var result = new Partial();
        for (var origin = minTrain; origin < y.Length; origin++)
        {
            var steps = Math.Min(horizon, y.Length - origin);
            var history = y.AsSpan(0, origin);
            var actual = y.AsSpan(origin, steps);
            var forecast = Forecaster.Forecast(history, steps, options);
            var mean = forecast.Mean.AsSpan();
            var scale = ForecastAccuracy.MaseScale(history, options.Frequency);
            var maseSum = 0.0;
            var masePoints = 0;
            if (scale > 0)
            {
                for (var h = 0; h < steps; h++) maseSum += Math.Abs(actual[h] - mean[h]) / scale;
                masePoints = steps;
            }
            var in80 = 0;
            var in95 = 0;
            foreach (var interval in forecast.Intervals)
            {
                var covered = ForecastAccuracy.Covered(actual, interval.Lower.AsSpan(), interval.Upper.AsSpan());
                if (interval.Level == 80) in80 = covered;
                else if (interval.Level == 95) in95 = covered;
            }
            result = result.Add(new Partial(1, steps, ForecastAccuracy.SmapeSum(actual, mean), maseSum, masePoints, in80, in95));
        }
        return result;
    }

    private readonly record struct Partial(int Origins, int Points, double SmapeSum, double MaseSum, int MasePoints, int In80, int In95)
    {
        public Partial Add(Partial o) => new(Origins + o.Origins, Points + o.Points, SmapeSum + o.SmapeSum, MaseSum + o.MaseSum,
            MasePoints + o.MasePoints, In80 + o.In80, In95 + o.In95);
    }
}
