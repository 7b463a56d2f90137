namespace Recommit.Forecasting;

/// <summary>
/// Calibrates a forecast's simulated paths on the series' own multi-step errors (docs/method.md §4). With the fitted
/// parameters (Theta's drift refitted at each origin, see <see cref="IPathModel.InSampleForecasts"/>), the
/// forecaster's point forecast from every earlier origin of the history is compared with what followed; each error is
/// measured in units of the simulated interval's half-width at its step (on the error's side, and relative to the
/// forecast level when both levels are positive), and the split-conformal quantile of those scores at 80 % and 95 % is
/// the factor by which that interval must be stretched (or shrunk) to have covered as promised, step by step. A
/// simulated value is then moved from the mean by a monotone piecewise-linear map through the rescaled 80 % and 95 %
/// half-widths (beyond the 95 % half-width the model's own tail, shifted), so the quantiles of the mapped paths are
/// the calibrated intervals and the Monte Carlo's paths carry the same map. No constant is fitted to any data set: the levels are the ones the product reports.
/// </summary>
internal sealed class CalibrationMap
{
    /// <summary>The interval levels at which the map is calibrated; other levels follow the map between and beyond them.</summary>
    public const double Inner = 0.80;

    /// <inheritdoc cref="Inner"/>
    public const double Outer = 0.95;

    private readonly double[] _mean;
    private readonly double[] _lower80;
    private readonly double[] _lower95;
    private readonly double[] _upper80;
    private readonly double[] _upper95;
    private readonly double[] _c80;
    private readonly double[] _c95;

    private CalibrationMap(double[] mean, double[] lower80, double[] lower95, double[] upper80, double[] upper95, double[] c80, double[] c95)
    {
        _mean = mean;
        _lower80 = lower80;
        _lower95 = lower95;
        _upper80 = upper80;
        _upper95 = upper95;
        _c80 = c80;
        _c95 = c95;
    }

    /// <summary>
    /// Fits the map, or returns null when the history gives no in-sample errors to calibrate on.
    /// <paramref name="sortedDraws"/> holds the simulated values step by step (<paramref name="paths"/> a step, sorted).
    /// </summary>
    public static CalibrationMap? Fit(IReadOnlyList<IPathModel> members, IReadOnlyList<double> weights, ReadOnlySpan<double> y,
        double[] mean, double[] sortedDraws, int paths)
    {
        var horizon = mean.Length;
        var n = y.Length;
        var firstOrigin = FirstOrigin;
        if (firstOrigin >= n) return null;

        var lower80 = new double[horizon];
        var lower95 = new double[horizon];
        var upper80 = new double[horizon];
        var upper95 = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var sorted = sortedDraws.AsSpan(h * paths, paths);
            lower80[h] = Math.Max(0, mean[h] - Quantile(sorted, (1 - Inner) / 2));
            upper80[h] = Math.Max(0, Quantile(sorted, (1 + Inner) / 2) - mean[h]);
            lower95[h] = Math.Max(lower80[h], mean[h] - Quantile(sorted, (1 - Outer) / 2));
            upper95[h] = Math.Max(upper80[h], Quantile(sorted, (1 + Outer) / 2) - mean[h]);
        }

        var origins = n - firstOrigin;
        var combined = new double[origins * horizon];
        var member = new double[origins * horizon];
        for (var k = 0; k < members.Count; k++)
        {
            Array.Fill(member, double.NaN);
            members[k].InSampleForecasts(y, firstOrigin, horizon, member);
            for (var i = 0; i < combined.Length; i++) combined[i] += weights[k] * member[i];
        }

        var scores80 = new List<double>[horizon];
        var scores95 = new List<double>[horizon];
        for (var h = 0; h < horizon; h++)
        {
            scores80[h] = new List<double>(origins);
            scores95[h] = new List<double>(origins);
        }
        for (var o = firstOrigin; o < n; o++)
        {
            for (var h = 0; h < horizon && o + h < n; h++)
            {
                var f = combined[(o - firstOrigin) * horizon + h];
                if (double.IsNaN(f)) continue;
                var error = y[o + h] - f;
                // Widths scale with the level: a past origin's interval is the final one at that origin's forecast level
                // (absolute when either level is zero, as on a series that stopped).
                var level = f > 0 && mean[h] > 0 ? f / mean[h] : 1.0;
                var above = error >= 0;
                scores80[h].Add(Score(error, (above ? upper80[h] : lower80[h]) * level));
                scores95[h].Add(Score(error, (above ? upper95[h] : lower95[h]) * level));
            }
        }

        var c80 = Multipliers(scores80, Inner);
        var c95 = Multipliers(scores95, Outer);
        return new CalibrationMap(mean, lower80, lower95, upper80, upper95, c80, c95);
    }

    /// <summary>Moves a simulated value at step <paramref name="h"/> (0-based) along the map; the mean stays, values stay non-negative.</summary>
    public double Apply(int h, double value)
    {
        var mean = _mean[h];
        var distance = value - mean;
        if (distance == 0) return value;
        var above = distance > 0;
        var w80 = above ? _upper80[h] : _lower80[h];
        var w95 = above ? _upper95[h] : _lower95[h];
        var g80 = _c80[h] * w80;
        var g95 = Math.Max(_c95[h] * w95, g80);
        var d = Math.Abs(distance);
        double moved;
        if (d <= w80) moved = _c80[h] * d;
        else if (d <= w95) moved = g80 + (g95 - g80) * (d - w80) / (w95 - w80);
        else moved = g95 + (d - w95); // beyond the 95 % knot the model's own tail, shifted: the errors certify nothing further out
        var result = above ? mean + moved : mean - moved;
        return result > 0 ? result : 0;
    }

    /// <summary>
    /// The first origin scored: after <see cref="Forecaster.MinimumPoints"/> points, the fewest any model is fitted to,
    /// so the short histories of a new account still give errors at the first steps.
    /// </summary>
    private static int FirstOrigin => Forecaster.MinimumPoints;

    private static double Score(double error, double halfWidth) =>
        error == 0 ? 0 : halfWidth > 0 ? Math.Abs(error) / halfWidth : double.PositiveInfinity;

    /// <summary>One factor a step, from that step's scores alone, so a step's interval does not depend on the horizon asked for.</summary>
    private static double[] Multipliers(List<double>[] scores, double level) => [.. scores.Select(s => ConformalQuantile(s, level))];

    /// <summary>
    /// The ⌈(N + 1)·level⌉-th smallest of N scores: the split-conformal quantile. When N is too small for that rank
    /// (fewer than 4 scores at 80 %, 19 at 95 %) the errors cannot certify the level, so they may only widen the
    /// simulated interval: the largest score, but not below 1. 1 (as simulated) when there are no finite scores.
    /// </summary>
    private static double ConformalQuantile(List<double> scores, double level)
    {
        if (scores.Count == 0) return 1.0;
        scores.Sort();
        var rank = (int)Math.Ceiling((scores.Count + 1) * level);
        var value = rank <= scores.Count ? scores[rank - 1] : Math.Max(1.0, scores[^1]);
        return double.IsFinite(value) ? value : 1.0;
    }

    /// <summary>Sample quantile of sorted values by linear interpolation (Hyndman and Fan type 7).</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
