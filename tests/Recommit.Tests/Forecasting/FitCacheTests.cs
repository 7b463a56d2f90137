using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class FitCacheTests
{
    private static readonly double[] Series = [.. Enumerable.Range(0, 24).Select(t => 100.0 + 3 * t + 10 * Math.Sin(t * Math.PI / 6))];

    [Fact]
    public void A_cached_forecast_is_the_one_the_forecaster_fits_and_is_fitted_once()
    {
        var cache = new FitCache();
        var direct = Forecaster.Forecast(Series, 12, new ForecastOptions());
        var first = cache.Forecast(Series, 12, new ForecastOptions());
        var second = cache.Forecast([.. Series], 12, new ForecastOptions());
        Assert.Same(first, second);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(direct.Mean.ToArray(), first.Mean.ToArray());
        Assert.Equal(direct.Method, first.Method);
    }

    [Fact]
    public void Another_history_horizon_or_method_is_fitted_anew()
    {
        var cache = new FitCache();
        var a = cache.Forecast(Series, 12, new ForecastOptions());
        var changed = (double[])Series.Clone();
        changed[^1] += 1;
        Assert.NotSame(a, cache.Forecast(changed, 12, new ForecastOptions()));
        Assert.NotSame(a, cache.Forecast(Series, 6, new ForecastOptions()));
        Assert.NotSame(a, cache.Forecast(Series, 12, new ForecastOptions { Method = ForecastMethod.Drift }));
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public void A_cached_backtest_equals_the_direct_one_and_a_full_cache_starts_afresh()
    {
        var cache = new FitCache(capacity: 2);
        var options = new ForecastOptions { Method = ForecastMethod.Drift };
        Assert.Equal(Backtest.RollingOrigin([Series], 6, 12, options), cache.RollingOrigin(Series, 6, 12, options));
        cache.Forecast(Series, 3, options);
        cache.Forecast(Series, 4, options);
        Assert.Equal(Backtest.RollingOrigin([Series], 6, 12, options), cache.RollingOrigin(Series, 6, 12, options));
        Assert.Equal(0, cache.Hits);
    }
}
