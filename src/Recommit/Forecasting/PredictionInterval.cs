using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>A central prediction interval at <see cref="Level"/> percent for each forecast step.</summary>
public sealed record PredictionInterval(int Level, ImmutableArray<double> Lower, ImmutableArray<double> Upper);
