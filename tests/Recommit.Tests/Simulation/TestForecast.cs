using System.Collections.Immutable;
using Recommit.Forecasting;

namespace Recommit.Tests.Simulation;

/// <summary>A forecast with a given mean path and additive Gaussian noise of <c>sigma</c> per step (0 = no variance).</summary>
internal sealed class TestForecast(double[] mean, double sigma) : Forecast
{
    public override int Horizon => mean.Length;
    public override ImmutableArray<double> Mean => [.. mean];
    public override ImmutableArray<PredictionInterval> Intervals =>
        [new PredictionInterval(80, [.. mean.Select(m => m - 1.2816 * sigma)], [.. mean.Select(m => m + 1.2816 * sigma)])];
    public override string Method => "test";
    public override ImmutableArray<string> Warnings => [];

    public override void SimulatePath(ReadOnlySpan<double> innovations, Span<double> path)
    {
        for (var t = 0; t < path.Length; t++) path[t] = Math.Max(0, mean[t] + sigma * innovations[t]);
    }
}
