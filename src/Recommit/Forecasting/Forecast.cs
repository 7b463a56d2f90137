using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>
/// A fitted forecast of one series: point forecasts, prediction intervals, the method chosen, warnings (short
/// series, fallbacks), and a simulator that turns standard-normal innovations into a sample path, so the Monte Carlo
/// engine can draw joint paths with shocks shared across series (docs/method.md §4, §6).
/// API contract only: the implementation lands with the forecasting work (issue 4).
/// </summary>
public abstract class Forecast
{
    public abstract int Horizon { get; }
    public abstract ImmutableArray<double> Mean { get; }
    public abstract ImmutableArray<PredictionInterval> Intervals { get; }
    public abstract string Method { get; }
    public abstract ImmutableArray<string> Warnings { get; }

    /// <summary>
    /// Writes one sample path of length <see cref="Horizon"/> into <paramref name="path"/>, driven by
    /// <paramref name="innovations"/> (i.i.d. standard normal, one per step; correlated across series by the caller).
    /// Zero innovations give the point forecast path. Values are never negative.
    /// </summary>
    public abstract void SimulatePath(ReadOnlySpan<double> innovations, Span<double> path);
}
