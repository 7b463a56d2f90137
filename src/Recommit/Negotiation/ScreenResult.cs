namespace Recommit.Negotiation;

/// <summary>Means from <see cref="Valuation.Screen"/>: index 0 the status quo, j + 1 package j; the status quo's cost elsewhere per package.</summary>
internal sealed record ScreenResult(double[] MeanBuyerCost, double[] MeanVendorValue, double[] ProbabilityWorseOff, double[] ElsewhereStatusQuo)
{
    public double Saving(int package) => MeanBuyerCost[0] + ElsewhereStatusQuo[package] - MeanBuyerCost[package + 1];

    public double Gain(int package) => MeanVendorValue[package + 1] - MeanVendorValue[0];
}
