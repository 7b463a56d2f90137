namespace Recommit.Simulation;

/// <summary>The 10th, 50th and 90th percentiles of simulated values (docs/method.md §6), by name rather than position.</summary>
internal readonly record struct PercentileFan(double P10, double P50, double P90)
{
    /// <summary>The fan of <paramref name="values"/>, interpolated as <see cref="SimulationResult.Quantiles"/> does.</summary>
    public static PercentileFan Of(double[] values)
    {
        var q = SimulationResult.Quantiles(values, 0.10, 0.50, 0.90);
        return new PercentileFan(q[0], q[1], q[2]);
    }
}
