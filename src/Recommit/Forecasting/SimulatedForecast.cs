using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>
/// The forecast of one series as a weighted combination of fitted path models driven by the same innovations.
/// A path is the average of the member paths, moved along the <see cref="CalibrationMap"/> when the forecast is
/// calibrated on its history; intervals are quantiles of <see cref="InnovationBlock.Paths"/> such paths (docs/method.md §4).
/// </summary>
internal sealed class SimulatedForecast : Forecast
{
    private readonly IPathModel[] _members;
    private readonly double[] _weights;
    private readonly double[] _mean;
    private readonly CalibrationMap? _map;

    /// <summary>Simulates the members; <paramref name="history"/> (the history they were fitted to) calibrates the paths, null leaves them as simulated.</summary>
    public SimulatedForecast(IPathModel[] members, int horizon, ImmutableArray<int> levels,
        string method, ImmutableArray<string> warnings, double[]? weights = null, double[]? history = null)
    {
        _members = members;
        _weights = weights ?? [.. members.Select(_ => 1.0 / members.Length)];
        Horizon = horizon;
        Method = method;
        Warnings = warnings;
        _mean = new double[horizon];
        Average(new double[horizon], _mean);
        Mean = [.. _mean];
        var draws = history is null && levels.IsDefaultOrEmpty ? null : SortedDraws();
        if (history is not null)
        {
            _map = CalibrationMap.Fit(_members, _weights, history, _mean, draws!, InnovationBlock.Paths);
            if (_map is not null)
                for (var i = 0; i < draws!.Length; i++) draws[i] = _map.Apply(i / InnovationBlock.Paths, draws[i]);
        }
        Intervals = draws is null ? [] : Quantiles(draws, levels);
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
        if (_map is not null)
            for (var h = 0; h < Horizon; h++) path[h] = _map.Apply(h, path[h]);
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

    /// <summary>The simulated values step by step, <see cref="InnovationBlock.Paths"/> a step, each step sorted (before calibration).</summary>
    private double[] SortedDraws()
    {
        var (block, stride) = InnovationBlock.For(Horizon);
        var paths = InnovationBlock.Paths;
        var draws = new double[Horizon * paths];
        var path = new double[Horizon];
        for (var p = 0; p < paths; p++)
        {
            Average(block.AsSpan(p * stride, Horizon), path);
            for (var h = 0; h < Horizon; h++) draws[h * paths + p] = path[h];
        }
        for (var h = 0; h < Horizon; h++) Array.Sort(draws, h * paths, paths);
        return draws;
    }

    private ImmutableArray<PredictionInterval> Quantiles(double[] draws, ImmutableArray<int> levels)
    {
        if (levels.IsDefaultOrEmpty) return [];
        var paths = InnovationBlock.Paths;
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
                lower[h] = Math.Min(CalibrationMap.Quantile(sorted, tail), _mean[h]);
                upper[h] = Math.Max(CalibrationMap.Quantile(sorted, 1 - tail), _mean[h]);
            }
            builder.Add(new PredictionInterval(level, [.. lower], [.. upper]));
        }
        return builder.MoveToImmutable();
    }
}
