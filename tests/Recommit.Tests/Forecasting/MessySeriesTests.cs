using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class MessySeriesTests
{
    private static readonly ForecastOptions Default = new();

    [Fact]
    public void Fewer_than_six_points_fall_back_to_damped_drift_with_a_warning()
    {
        double[] y = [100, 110, 120, 130, 140];
        var f = Forecaster.Forecast(y, 6, Default);
        Assert.Equal("DampedDrift", f.Method);
        Assert.Contains(f.Warnings, w => w.Contains("5 point", StringComparison.Ordinal));
        // The drift of 10 a month fades by 0.8 a step: 140 + 10·(0.8 + 0.8² + …).
        var expected = 140.0;
        var step = 10.0;
        for (var h = 0; h < 6; h++)
        {
            step *= 0.8;
            expected += step;
            Assert.Equal(expected, f.Mean[h], 9);
        }
        // Wide: the 95 % interval at step 1 spans at least ±25 % of the level.
        var i95 = f.Intervals.Single(i => i.Level == 95);
        Assert.True(i95.Upper[0] - i95.Lower[0] > 0.5 * 120);
    }

    [Fact]
    public void A_single_point_forecasts_that_point()
    {
        var f = Forecaster.Forecast([42.0], 3, Default);
        Assert.All(f.Mean, v => Assert.Equal(42, v));
    }

    [Fact]
    public void An_all_zero_series_forecasts_zeros()
    {
        var f = Forecaster.Forecast(new double[24], 6, Default);
        Assert.All(f.Mean, v => Assert.Equal(0, v));
        Assert.All(f.Intervals, i => Assert.All(i.Upper, v => Assert.Equal(0, v)));
    }

    [Fact]
    public void Gaps_are_interpolated_with_a_warning()
    {
        double[] y = [double.NaN, 10, 11, double.NaN, double.NaN, 14, 15, 16, 17, 18, double.NaN];
        var f = Forecaster.Forecast(y, 3, Default with { Method = ForecastMethod.Drift });
        Assert.Contains(f.Warnings, w => w.Contains("interpolated 2", StringComparison.Ordinal));
        Assert.Contains(f.Warnings, w => w.Contains("dropped 2", StringComparison.Ordinal));
        Assert.Equal(19, f.Mean[0], 9); // 10 … 18 over 8 steps: drift 1
    }

    [Fact]
    public void Leading_zeros_before_launch_are_ignored_with_a_warning()
    {
        double[] y = [0, 0, 0, 0, 5, 6, 7, 8, 9, 10, 11];
        var f = Forecaster.Forecast(y, 2, Default with { Method = ForecastMethod.Drift });
        Assert.Contains(f.Warnings, w => w.Contains("launch", StringComparison.Ordinal));
        Assert.Equal(12, f.Mean[0], 9);
        Assert.Equal(13, f.Mean[1], 9);
    }

    [Fact]
    public void Negative_history_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Forecaster.Forecast([1.0, -2.0, 3.0], 2, Default));
    }

    [Fact]
    public void Series_with_zeros_inside_still_forecast_without_negative_values()
    {
        var y = Enumerable.Range(0, 40).Select(t => t % 5 == 0 ? 0.0 : 20 + t % 7).ToArray();
        var f = Forecaster.Forecast(y, 12, Default);
        Assert.All(f.Mean, v => Assert.True(v >= 0));
        Assert.All(f.Intervals, i => Assert.All(i.Lower, v => Assert.True(v >= 0)));
    }
}
