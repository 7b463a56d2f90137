using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>
/// The forecast of one series as a weighted combination of fitted path models driven by the same innovations.
/// A path is the average of the member paths; intervals are quantiles of <see cref="InnovationBlock.Paths"/> such
/// paths (docs/method.md §4).
/// </summary>
internal sealed class SimulatedForecast : Forecast
{
    private readonly IPathModel[] _members;
    private readonly double[] _weights;
    private readonly double[] _mean;

    public SimulatedForecast(IPathModel[] members, int horizon, ImmutableArray<int> levels,
        string method, ImmutableArray<string> warnings, double[]? weights = null)
    {
        _members = members;
        _weights = weights ?? [.. members.Select(_ => 1.0 / members.Length)];
        Horizon = horizon;
        Method = method;
        Warnings = warnings;
        _mean = new double[horizon];
        Average(new double[horizon], _mean);
        Mean = [.. _mean];
        Intervals = SimulateIntervals(levels);
    }

    public override int Horizon { get; }
    public override ImmutableArray<double> Mean { get; }
    public override ImmutableArray<PredictionInterval> Intervals { get; }
    public override string Method { get; }
    public override ImmutableArray<string> Warnings { get; }

    /// <summary>The fitted member models (one unless this is a combination).</summary>
    internal IReadOnlyList<IPathModel> Members => _members;

    public override void SimulatePath(ReadOnlySpan<double> innovations, Span<double> path)
    {
        if (innovations.Length < Horizon) throw new ArgumentException($"need {Horizon} innovations, got {innovations.Length}", nameof(innovations));
        if (path.Length < Horizon) throw new ArgumentException($"need room for {Horizon} values, got {path.Length}", nameof(path));
        Average(innovations[..Horizon], path[..Horizon]);
    }

    private void Average(ReadOnlySpan<double> innovations, Span<double> path)
    {
        if (_members.Length == 1)
        {
            _members[0].Simulate(innovations, path);
            return;
        }
        path.Clear();
        Span<double> member = path.Length <= 256 ? stackalloc double[path.Length] : new double[path.Length];
        for (var k = 0; k < _members.Length; k++)
        {
            _members[k].Simulate(innovations, member);
            var weight = _weights[k];
            for (var h = 0; h < path.Length; h++) path[h] += weight * member[h];
        }
    }

    private ImmutableArray<PredictionInterval> SimulateIntervals(ImmutableArray<int> levels)
    {
        if (levels.IsDefaultOrEmpty) return [];
        var (block, stride) = InnovationBlock.For(Horizon);
        var paths = InnovationBlock.Paths;
        var draws = new double[Horizon * paths];
        var path = new double[Horizon];
        for (var p = 0; p < paths; p++)
        {
            SimulatePath(block.AsSpan(p * stride, Horizon), path);
            for (var h = 0; h < Horizon; h++) draws[h * paths + p] = path[h];
        }
        for (var h = 0; h < Horizon; h++) Array.Sort(draws, h * paths, paths);
        var builder = ImmutableArray.CreateBuilder<PredictionInterval>(levels.Length);
        foreach (var level in levels)
        {
            var lower = new double[Horizon];
            var upper = new double[Horizon];
            var tail = (100 - level) / 200.0;
            for (var h = 0; h < Horizon; h++)
            {
                var sorted = draws.AsSpan(h * paths, paths);
                // Keep the point forecast inside its own interval even when the simulated distribution is skewed.
                lower[h] = Math.Min(Quantile(sorted, tail), _mean[h]);
                upper[h] = Math.Max(Quantile(sorted, 1 - tail), _mean[h]);
            }
            builder.Add(new PredictionInterval(level, [.. lower], [.. upper]));
        }
        return builder.MoveToImmutable();
    }

    /// <summary>Sample quantile of sorted values by linear interpolation (Hyndman and Fan type 7).</summary>
    private static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
