using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>
/// A history made ready to fit: missing values (NaN) inside the series linearly interpolated, missing values at the
/// ends dropped, and leading zeros before a launch month trimmed, each with a warning (docs/method.md §4).
/// </summary>
internal sealed record PreparedSeries(double[] Values, ImmutableArray<string> Warnings)
{
    public static PreparedSeries From(ReadOnlySpan<double> history)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        foreach (var v in history)
        {
            if (double.IsInfinity(v)) throw new ArgumentException("history contains an infinite value", nameof(history));
            if (v < 0) throw new ArgumentException($"history contains a negative value ({v})", nameof(history));
        }
        var first = 0;
        while (first < history.Length && double.IsNaN(history[first])) first++;
        var last = history.Length - 1;
        while (last >= first && double.IsNaN(history[last])) last--;
        if (first > last) throw new ArgumentException("history has no values (all missing)", nameof(history));
        if (first > 0 || last < history.Length - 1)
            warnings.Add($"dropped {first + history.Length - 1 - last} missing value(s) at the ends of the history");

        var values = history[first..(last + 1)].ToArray();
        var gaps = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (!double.IsNaN(values[t])) continue;
            var end = t;
            while (double.IsNaN(values[end])) end++;
            var from = values[t - 1];
            var to = values[end];
            for (var k = t; k < end; k++)
            {
                values[k] = from + (to - from) * (k - t + 1) / (end - t + 1);
                gaps++;
            }
            t = end;
        }
        if (gaps > 0) warnings.Add($"interpolated {gaps} missing value(s) inside the history");

        var launch = 0;
        while (launch < values.Length && values[launch] == 0) launch++;
        if (launch > 0 && launch < values.Length)
        {
            warnings.Add($"series starts at point {launch + 1} (launch); fitted on the {values.Length - launch} point(s) from there, leading zeros ignored");
            values = values[launch..];
        }
        return new PreparedSeries(values, warnings.ToImmutable());
    }
}
