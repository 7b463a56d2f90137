namespace Recommit.Forecasting;

/// <summary>
/// How much the simulated spread of the combination is widened at each step. Parametric intervals are too narrow on
/// short, volatile business series (MATH.md §4); the factor was learned from in-sample behaviour only (see
/// docs/forecasting.md), never from held-out test data.
/// </summary>
internal static class IntervalCalibration
{
    public static double[] Combination(int horizon)
    {
        var factors = new double[horizon];
        Array.Fill(factors, 1.0);
        return factors;
    }
}
