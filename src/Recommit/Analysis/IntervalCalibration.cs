using MathNet.Numerics.Distributions;
using Recommit.Analysis.Notes;

namespace Recommit.Analysis;

/// <summary>
/// Widens the simulation when the forecaster's prediction intervals proved too narrow on the account's own history
/// (docs/method.md §4). The forecaster already calibrates each series' intervals on its in-sample errors with the
/// fitted parameters (docs/forecasting.md); this is the second, out-of-sample check: the rolling-origin backtest refits
/// at every origin and scores those calibrated intervals on the account's total list dollars, and only widens, applied
/// to the shocks before the forecaster's calibration map. If the nominal 80 % interval covered only c of the backtest's actuals, a normal error
/// that narrow has half-width z_c = Φ⁻¹((1 + c) / 2) instead of z₈₀ = 1.2816, so the innovations are scaled by
/// z₈₀ / z_c (likewise for 95 %), taking the larger of the two, never below 1 and at most <see cref="MaxScale"/>.
/// </summary>
internal static class IntervalCalibration
{
    /// <summary>The largest widening applied: beyond it the backtest is too thin to say how wide.</summary>
    public const double MaxScale = 3.0;

    /// <summary>The fewest rolling origins for which a backtest's coverage is trusted to widen the intervals.</summary>
    public const int MinOrigins = 4;

    /// <summary>The innovation scale for a backtest (1 when it is missing, too thin, or the intervals covered as promised).</summary>
    public static double Scale(BacktestSummary? backtest)
    {
        if (backtest is null || backtest.Origins < MinOrigins) return 1.0;
        var scale = Math.Max(Widening(backtest.Coverage80, 0.80), Widening(backtest.Coverage95, 0.95));
        return Math.Clamp(scale, 1.0, MaxScale);
    }

    /// <summary>The note that says what was done, or null when nothing was.</summary>
    public static IntervalsWidenedNote? Note(BacktestSummary? backtest, double scale) =>
        backtest is null || scale <= 1.0 ? null : new IntervalsWidenedNote(scale, backtest.Coverage80, backtest.Coverage95);

    private static double Widening(double covered, double nominal)
    {
        if (double.IsNaN(covered) || covered >= nominal) return 1.0;
        var zNominal = Normal.InvCDF(0, 1, (1 + nominal) / 2);
        var zCovered = Normal.InvCDF(0, 1, (1 + Math.Max(covered, 0.0)) / 2);
        return zCovered <= 0 ? MaxScale : zNominal / zCovered;
    }
}
