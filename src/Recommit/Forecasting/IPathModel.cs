namespace Recommit.Forecasting;

/// <summary>
/// A fitted model that turns standard-normal innovations into a sample path of future values; zero innovations give
/// its point forecast.
/// </summary>
internal interface IPathModel
{
    /// <summary>Short name of the model, e.g. <c>ETS(M,Ad,M)</c> or <c>Theta</c>.</summary>
    string Name { get; }

    /// <summary>Writes <c>path.Length</c> future values driven by <paramref name="innovations"/> (one N(0,1) draw per step).</summary>
    void Simulate(ReadOnlySpan<double> innovations, Span<double> path);
}
