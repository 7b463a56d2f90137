namespace Recommit.Forecasting;

/// <summary>Accuracy of a forecaster by rolling-origin evaluation (MATH.md §4, QUALITY.md A4).</summary>
public sealed record BacktestResult(int Series, int Origins, int Horizon, double Smape, double Mase, double Coverage80, double Coverage95);

/// <summary>
/// Rolling-origin evaluation: for each origin, fit on the history up to it, forecast up to <c>horizon</c> steps, and
/// score against what followed. API contract only: the implementation lands with the forecasting work (issue 4).
/// </summary>
public static class Backtest
{
    /// <summary>Scores <paramref name="options"/>' forecaster on each series; origins leave at least <paramref name="minTrain"/> points to fit.</summary>
    public static BacktestResult RollingOrigin(IReadOnlyList<double[]> series, int horizon, int minTrain, ForecastOptions options) =>
        throw new NotImplementedException();
}
