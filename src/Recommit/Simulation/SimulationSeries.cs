using System.Collections.Immutable;
using Recommit.Forecasting;

namespace Recommit.Simulation;

/// <summary>Where one series' tokens go in the month's token vector: a cell of the lever layout and its share.</summary>
public readonly record struct CellWeight(int Cell, double Weight);

/// <summary>
/// One reforecast usage series (docs/method.md §4: a model family × token kind) with its fitted forecast in tokens per
/// month, and how its tokens spread over (model, tier, kind) cells (the recent mix; weights sum to 1).
/// </summary>
public sealed record SimulationSeries(string Name, Forecast Forecast, ImmutableArray<CellWeight> Cells);
