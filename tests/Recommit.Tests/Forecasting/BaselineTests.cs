using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class BaselineTests
{
    private static readonly ForecastOptions Monthly = new();

    [Fact]
    public void Seasonal_naive_repeats_the_last_season_exactly()
    {
        var y = Enumerable.Range(1, 30).Select(t => (double)(t * 3 % 17 + 1)).ToArray();
        var f = Forecaster.Forecast(y, 18, Monthly with { Method = ForecastMethod.SeasonalNaive });
        for (var h = 1; h <= 18; h++) Assert.Equal(y[30 - 12 + (h - 1) % 12], f.Mean[h - 1]);
    }

    [Fact]
    public void Drift_extends_the_line_from_first_to_last_point_exactly()
    {
        double[] y = [10, 14, 11, 17, 19, 22, 20, 26];
        var f = Forecaster.Forecast(y, 5, Monthly with { Method = ForecastMethod.Drift });
        var slope = (26.0 - 10.0) / 7.0;
        for (var h = 1; h <= 5; h++) Assert.Equal(26 + h * slope, f.Mean[h - 1], 12);
    }

    [Fact]
    public void Seasonal_naive_with_less_than_a_season_repeats_the_last_value_and_warns()
    {
        double[] y = [5, 6, 7, 8, 9, 10, 11];
        var f = Forecaster.Forecast(y, 3, Monthly with { Method = ForecastMethod.SeasonalNaive });
        Assert.All(f.Mean, v => Assert.Equal(11, v));
        Assert.Contains(f.Warnings, w => w.Contains("season", StringComparison.Ordinal));
    }
}
