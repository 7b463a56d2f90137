using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>
/// Fits the chosen forecaster to a series and forecasts <c>horizon</c> steps (docs/method.md §4). The default is the
/// combination: Theta with weight ½, automatic ETS (smallest AICc) ¼ and the best damped-trend ETS other than that one
/// ¼ — the weighting that scored best on M3 among the combinations tried (docs/forecasting.md) — its paths simulated
/// from all members with shared innovations.
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

        var (members, weights, name) = Members(y, period, options.Method, warnings);
        var calibrateOn = options.Intervals == IntervalMethod.Calibrated ? y : null;
        return new SimulatedForecast(members, horizon, levels, name, warnings.ToImmutable(), weights, calibrateOn);
    }

    private static (IPathModel[] Members, double[]? Weights, string Name) Members(double[] y, int period, ForecastMethod method, ImmutableArray<string>.Builder warnings)
    {
        switch (method)
        {
            case ForecastMethod.Drift:
                return ([DriftModel.Fit(y)], null, "Drift");
            case ForecastMethod.SeasonalNaive:
                if (period > 1 && y.Length <= period) warnings.Add($"less than one season ({period} points) of history: naive forecast instead of seasonal naive");
                return ([SeasonalNaiveModel.Fit(y, period)], null, "SeasonalNaive");
            case ForecastMethod.Theta:
                {
                    IPathModel theta = (IPathModel?)ThetaModel.Fit(y, period) ?? DriftModel.Fit(y);
                    return ([theta], null, theta.Name);
                }
            case ForecastMethod.Ets:
                {
                    var fits = AutoEts.FitAll(y, period);
                    if (fits.Count == 0)
                    {
                        warnings.Add("no ETS model could be fitted: drift instead");
                        return ([DriftModel.Fit(y)], null, "Drift");
                    }
                    return ([fits[0]], null, fits[0].Name);
                }
            default:
                {
                    var fits = AutoEts.FitAll(y, period);
                    var members = new List<(IPathModel Model, double Weight)>(3);
                    if (fits.Count > 0)
                    {
                        members.Add((fits[0], 1));
                        // The best damped-trend model other than the AICc winner: a second, more conservative ETS opinion.
                        if (fits.Find(f => f.Spec.Trend == EtsTrend.Damped && f != fits[0]) is { } damped) members.Add((damped, 1));
                    }
                    if (ThetaModel.Fit(y, period) is { } theta) members.Add((theta, members.Count > 0 ? members.Count : 1));
                    if (members.Count == 0)
                    {
                        warnings.Add("no model could be fitted: drift instead");
                        members.Add((DriftModel.Fit(y), 1));
                    }
                    var total = members.Sum(m => m.Weight);
                    return ([.. members.Select(m => m.Model)], [.. members.Select(m => m.Weight / total)],
                        "Combination(" + string.Join(", ", members.Select(m => F($"{m.Model.Name} {m.Weight / total:0.##}"))) + ")");
                }
        }
    }

    private static string F(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsConstant(ReadOnlySpan<double> y)
    {
        foreach (var v in y)
            if (v != y[0]) return false;
        return true;
    }
}
