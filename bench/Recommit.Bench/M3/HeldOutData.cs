using System.Globalization;

namespace Recommit.Bench.M3;

/// <summary>
/// Monthly series the forecaster was never tuned on, for docs/quality.md A3's second half: every monthly series shipped by
/// R's datasets, forecast, tseries and AER packages (Debian's r-base-core, r-cran-forecast, r-cran-tseries,
/// r-cran-aer), exported by bench/r/heldout-monthly.R and cached in the bench work directory. Each series gives up to
/// <see cref="Windows"/> forecasts, one per non-overlapping 18-month window counted back from its end, as long as the
/// history before the window has at least <see cref="MinimumTrain"/> months (the shortest M3 monthly history).
/// </summary>
internal static class HeldOutData
{
    public const int Horizon = 18;
    public const int Windows = 4;
    public const int MinimumTrain = 48;

    /// <summary>The windows to forecast, or null when R or its packages are not available.</summary>
    public static List<M3Series>? Load(BenchContext context)
    {
        var script = Path.Combine(context.RepositoryRoot, "bench", "r", "heldout-monthly.R");
        var path = Path.Combine(context.WorkDirectory, $"heldout-monthly-{RComparison.Hash(script)}.csv");
        if (!File.Exists(path))
        {
            if (!RComparison.EnsureR(context, ["forecast", "tseries", "AER"], ["r-base-core", "r-cran-forecast", "r-cran-tseries", "r-cran-aer"])) return null;
            var (code, _) = RComparison.Exec("Rscript", [script, path], context.Log);
            if (code != 0 || !File.Exists(path)) return null;
        }
        return [.. Read(path).SelectMany(s => Split(s.Id, s.Values))];
    }

    private static IEnumerable<M3Series> Split(string id, double[] values)
    {
        for (var w = 0; w < Windows; w++)
        {
            var end = values.Length - w * Horizon;
            var origin = end - Horizon;
            if (origin < MinimumTrain) yield break;
            yield return new M3Series($"{id}#{w + 1}", 12, values[..origin], values[origin..end]);
        }
    }

    private static List<(string Id, double[] Values)> Read(string path)
    {
        var series = new List<(string Id, List<double> Values)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (series.Count == 0 || series[^1].Id != f[0]) series.Add((f[0], []));
            series[^1].Values.Add(double.Parse(f[2], CultureInfo.InvariantCulture));
        }
        return [.. series.Select(s => (s.Id, s.Values.ToArray()))];
    }
}
