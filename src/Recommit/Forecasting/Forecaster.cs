using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>
/// Fits the chosen forecaster to a series and forecasts <c>horizon</c> steps (MATH.md §4). The default is the
/// combination: the equal-weight mean of automatic ETS (smallest AICc), the Theta method and the best damped-trend
/// ETS, its paths simulated from all three members with shared innovations.
/// </summary>
public static class Forecaster
{
    /// <summary>Fewer points than this make the combination, ETS and Theta fall back to a damped drift with wide intervals and a warning.</summary>
    public const int MinimumPoints = 6;

    /// <summary>
    /// Forecasts <paramref name="history"/> (oldest first, non-negative, at least one point) <paramref name="horizon"/>
    /// steps ahead. Deterministic: the same input gives the same forecast.
    /// </summary>
    public static Forecast Forecast(ReadOnlySpan<double> history, int horizon, ForecastOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.Length == 0) throw new ArgumentException("history must have at least one point", nameof(history));
        var period = Math.Max(1, options.Frequency);
        var prepared = PreparedSeries.From(history);
        var y = prepared.Values;
        var warnings = prepared.Warnings.ToBuilder();
        var levels = options.Levels.IsDefault ? [] : options.Levels;
        foreach (var level in levels)
            if (level is <= 0 or >= 100) throw new ArgumentOutOfRangeException(nameof(options), $"interval level {level} is not between 0 and 100");

        if (IsConstant(y))
        {
            var constant = new ConstantModel(y[^1]);
            return new SimulatedForecast([constant], horizon, levels, y[^1] == 0 ? "Zero" : "Constant", warnings.ToImmutable());
        }
        if (y.Length < MinimumPoints && options.Method is ForecastMethod.Combination or ForecastMethod.Ets or ForecastMethod.Theta)
        {
            warnings.Add($"only {y.Length} point(s) of history: damped drift with wide intervals");
            return new SimulatedForecast([DriftModel.FitDamped(y)], horizon, levels, "DampedDrift", warnings.ToImmutable());
        }

        var (members, name) = Members(y, period, options.Method, warnings);
        return new SimulatedForecast(members, horizon, levels, name, warnings.ToImmutable());
    }

    private static (IPathModel[] Members, string Name) Members(double[] y, int period, ForecastMethod method, ImmutableArray<string>.Builder warnings)
    {
        switch (method)
        {
            case ForecastMethod.Drift:
                return ([DriftModel.Fit(y)], "Drift");
            case ForecastMethod.SeasonalNaive:
                if (period > 1 && y.Length <= period) warnings.Add($"less than one season ({period} points) of history: naive forecast instead of seasonal naive");
                return ([SeasonalNaiveModel.Fit(y, period)], "SeasonalNaive");
            case ForecastMethod.Theta:
            {
                IPathModel theta = (IPathModel?)ThetaModel.Fit(y, period) ?? DriftModel.Fit(y);
                return ([theta], theta.Name);
            }
            case ForecastMethod.Ets:
            {
                var fits = AutoEts.FitAll(y, period);
                if (fits.Count == 0)
                {
                    warnings.Add("no ETS model could be fitted: drift instead");
                    return ([DriftModel.Fit(y)], "Drift");
                }
                return ([fits[0]], fits[0].Name);
            }
            default:
            {
                var fits = AutoEts.FitAll(y, period);
                var members = new List<IPathModel>(3);
                if (fits.Count > 0) members.Add(fits[0]);
                var damped = fits.Find(f => f.Spec.Trend == EtsTrend.Damped);
                if (damped is not null) members.Add(damped);
                if (ThetaModel.Fit(y, period) is { } theta) members.Add(theta);
                if (members.Count == 0)
                {
                    warnings.Add("no model could be fitted: drift instead");
                    members.Add(DriftModel.Fit(y));
                }
                return ([.. members], "Combination(" + string.Join(", ", members.Select(m => m.Name)) + ")");
            }
        }
    }

    private static bool IsConstant(ReadOnlySpan<double> y)
    {
        foreach (var v in y)
            if (v != y[0]) return false;
        return true;
    }
}
