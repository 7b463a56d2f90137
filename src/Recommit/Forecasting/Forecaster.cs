namespace Recommit.Forecasting;

/// <summary>Fits the chosen forecaster to a series and forecasts <c>horizon</c> steps (MATH.md §4).</summary>
public static class Forecaster
{
    /// <summary>
    /// Forecasts <paramref name="history"/> (oldest first, non-negative, at least one point) <paramref name="horizon"/>
    /// steps ahead. Deterministic: the same input gives the same forecast.
    /// </summary>
    public static Forecast Forecast(ReadOnlySpan<double> history, int horizon, ForecastOptions options) =>
        throw new NotImplementedException();
}
