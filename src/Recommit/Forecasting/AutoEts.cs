namespace Recommit.Forecasting;

/// <summary>
/// Automatic ETS: fits every admissible member of the family (error A/M, trend N/A/Ad, season N/A/M) and keeps the
/// one with the smallest AICc (Hyndman et al. 2008; docs/method.md §4). Seasonal members need a period above 1 and at
/// least two seasons plus two points; multiplicative members need strictly positive data. Additive error with
/// multiplicative season is excluded (numerically unstable, as in R's <c>ets</c>).
/// </summary>
internal static class AutoEts
{
    private static readonly EtsTrend[] Trends = [EtsTrend.None, EtsTrend.Additive, EtsTrend.Damped];
    private static readonly EtsSeason[] Seasons = [EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative];

    /// <summary>All fitted candidates, best (smallest AICc) first; empty when none could be fitted.</summary>
    public static List<EtsModel> FitAll(ReadOnlySpan<double> y, int period)
    {
        var positive = true;
        foreach (var v in y)
            if (!(v > 0)) positive = false;
        var fits = new List<EtsModel>(15);
        foreach (var season in Seasons)
        {
            if (season != EtsSeason.None && (period <= 1 || y.Length < 2 * period + 2)) continue;
            foreach (var multiplicativeError in (ReadOnlySpan<bool>)[false, true])
            {
                if (multiplicativeError && !positive) continue;
                if (season == EtsSeason.Multiplicative && (!multiplicativeError || !positive)) continue;
                foreach (var trend in Trends)
                {
                    var fit = EtsModel.Fit(y, period, new EtsSpec(multiplicativeError, trend, season));
                    if (fit is not null && double.IsFinite(fit.Aicc)) fits.Add(fit);
                }
            }
        }
        fits.Sort((a, b) => a.Aicc.CompareTo(b.Aicc));
        return fits;
    }
}
