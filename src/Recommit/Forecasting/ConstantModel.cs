namespace Recommit.Forecasting;

/// <summary>A series that never changed: every path is that constant (docs/method.md §4).</summary>
internal sealed class ConstantModel(double value) : IPathModel
{
    public string Name => "Constant";

    public void Simulate(ReadOnlySpan<double> innovations, Span<double> path) => path.Fill(value > 0 ? value : 0);

    public void InSampleForecasts(ReadOnlySpan<double> y, int firstOrigin, int horizon, Span<double> forecasts) =>
        forecasts[..(Math.Max(0, y.Length - firstOrigin) * horizon)].Fill(value > 0 ? value : 0);
}
