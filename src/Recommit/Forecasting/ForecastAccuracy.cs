namespace Recommit.Forecasting;

/// <summary>
/// Forecast accuracy measures as scored in the M3 competition and docs/method.md §4: sMAPE, MASE with the in-sample
/// seasonal-naive scale, and interval coverage.
/// </summary>
internal static class ForecastAccuracy
{
    /// <summary>Sum over the points of 200·|y − f| / (|y| + |f|) (a point where both are zero scores 0); divide by the count for sMAPE.</summary>
    public static double SmapeSum(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            if (denominator > 0) sum += 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }
        return sum;
    }

    /// <summary>
    /// The MASE scale of a history: mean absolute lag-m difference in sample (seasonal naive), falling back to lag 1
    /// when the history is no longer than one season or the seasonal scale is zero. Zero when the history never moves.
    /// </summary>
    public static double MaseScale(ReadOnlySpan<double> history, int period)
    {
        var m = period > 1 && history.Length > period ? period : 1;
        var scale = MeanAbsoluteDifference(history, m);
        if (scale == 0 && m > 1) scale = MeanAbsoluteDifference(history, 1);
        return scale;
    }

    /// <summary>Count of actual values inside [lower, upper].</summary>
    public static int Covered(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var count = 0;
        for (var i = 0; i < actual.Length; i++)
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) count++;
        return count;
    }

    private static double MeanAbsoluteDifference(ReadOnlySpan<double> history, int lag)
    {
        if (history.Length <= lag) return 0;
        var sum = 0.0;
        for (var t = lag; t < history.Length; t++) sum += Math.Abs(history[t] - history[t - lag]);
        return sum / (history.Length - lag);
    }
}
