using System.Collections.Immutable;
using Recommit.Forecasting;

namespace Recommit.Analysis;

/// <summary>The placeholder forecast of a series when a given future path replaces the forecast: never simulated.</summary>
internal sealed class NoForecast : Forecast
{
    public static NoForecast Instance { get; } = new();
    public override int Horizon => 0;
    public override ImmutableArray<double> Mean => [];
    public override ImmutableArray<PredictionInterval> Intervals => [];
    public override string Method => "none";
    public override ImmutableArray<string> Warnings => [];
    public override void SimulatePath(ReadOnlySpan<double> innovations, Span<double> path) => throw new NotSupportedException("a given future path replaces the forecast");
}
