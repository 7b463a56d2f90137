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

    /// <summary>
    /// The point forecasts this fitted model would have made from each earlier origin of the history it was fitted to
    /// (<paramref name="y"/>), with its parameters as fitted: for origin o (o values seen, o from
    /// <paramref name="firstOrigin"/> to <c>y.Length − 1</c>) and step h (1 to <paramref name="horizon"/>) at
    /// <c>forecasts[(o − firstOrigin) · horizon + h − 1]</c>. Origins a model cannot forecast from are left as they are.
    /// </summary>
    void InSampleForecasts(ReadOnlySpan<double> y, int firstOrigin, int horizon, Span<double> forecasts);
}
