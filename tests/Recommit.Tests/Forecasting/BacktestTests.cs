using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class BacktestTests
{
    [Fact]
    public void A_straight_line_scored_with_drift_has_zero_error()
    {
        var line = Enumerable.Range(0, 30).Select(t => 100.0 + 5 * t).ToArray();
        var result = Backtest.RollingOrigin([line], 6, 12, new ForecastOptions { Method = ForecastMethod.Drift });
        Assert.Equal(1, result.Series);
        Assert.Equal(18, result.Origins); // origins after 12, 13, …, 29 points
        Assert.Equal(0, result.Smape, 9);
        Assert.Equal(0, result.Mase, 9);
        Assert.Equal(1, result.Coverage95);
    }

    [Fact]
    public void Scores_match_a_hand_computed_naive_backtest()
    {
        // Seasonal naive at frequency 1 is the naive forecast: every step repeats the last value.
        double[] y = [10, 12, 11, 13];
        var result = Backtest.RollingOrigin([y], 2, 2, new ForecastOptions { Frequency = 1, Method = ForecastMethod.SeasonalNaive, Levels = [80, 95] });
        // Origin 2 (history 10, 12): forecasts 12, 12 vs 11, 13. Origin 3 (10, 12, 11): forecast 11 vs 13.
        static double S(double a, double f) => 200 * Math.Abs(a - f) / (a + f);
        var smape = (S(11, 12) + S(13, 12) + S(13, 11)) / 3;
        // MASE scales: origin 2 → |12 − 10| = 2; origin 3 → (2 + 1) / 2 = 1.5.
        var mase = (1 / 2.0 + 1 / 2.0 + 2 / 1.5) / 3;
        Assert.Equal(2, result.Origins);
        Assert.Equal(smape, result.Smape, 12);
        Assert.Equal(mase, result.Mase, 12);
        Assert.InRange(result.Coverage80, 0, 1);
    }

    [Fact]
    public void Coverage_is_not_reported_for_levels_not_asked_for()
    {
        var y = Enumerable.Range(0, 20).Select(t => 50.0 + t % 4).ToArray();
        var result = Backtest.RollingOrigin([y], 3, 10, new ForecastOptions { Method = ForecastMethod.Drift, Levels = [90] });
        Assert.True(double.IsNaN(result.Coverage80));
        Assert.True(double.IsNaN(result.Coverage95));
    }

    [Fact]
    public void Mase_scale_falls_back_to_lag_one_for_short_series()
    {
        double[] shortSeries = [1, 3, 6];
        Assert.Equal(2.5, ForecastAccuracy.MaseScale(shortSeries, 12));
        var seasonal = Enumerable.Range(0, 14).Select(t => (double)t).ToArray();
        Assert.Equal(12, ForecastAccuracy.MaseScale(seasonal, 12));
    }
}
