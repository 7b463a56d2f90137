using System.Diagnostics;
using System.Globalization;
using Recommit.Bench.M3;
using Recommit.Forecasting;

namespace Recommit.Bench;

/// <summary>
/// docs/quality.md A2, A3 and S3 on the M3 monthly series (h = 18): the default forecaster's sMAPE, MASE and 80/95 %
/// coverage (overall and per horizon band) next to R's ets, auto.arima and thetaf on the same series in the same run,
/// the speed ratio to R's ets, and the coverage on a held-out monthly collection (<see cref="HeldOutData"/>). The
/// models' own uncalibrated intervals are scored beside the calibrated default for comparison.
/// </summary>
public sealed class M3Check : IQualityCheck
{
    public string Id => "M3";
    public string Title => "M3 monthly forecasting accuracy, intervals and speed (A2, A3, S3)";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var directory = M3Data.Locate(context.RepositoryRoot);
        if (directory is null)
        {
            yield return new QualityFigure("A2", "M3 monthly", "data not found", "set RECOMMIT_M3_DIR", null);
            yield break;
        }
        var series = M3Data.Load(directory);
        if (context.Quick) series = [.. series.Where((_, i) => i % 10 == 0)];
        var workload = $"M3 monthly, {series.Count} series, h = 18";
        if (Environment.GetEnvironmentVariable("RECOMMIT_M3_EXPERIMENT") == "1") M3Experiment.Run(series, context.Log);
        var modelOnly = new ForecastOptions { Intervals = IntervalMethod.Model };
        var (modelScore, modelCpu) = Score("recommit, model intervals", series, modelOnly);
        var (score, cpu) = Score("recommit", series, new ForecastOptions());
        var seconds = score.Seconds;
        context.Log.WriteLine(Describe(modelScore));
        context.Log.WriteLine(Describe(score));

        // RECOMMIT_SKIP_R=1 skips the R comparison (it runs for minutes the first time; results are cached after).
        var skipR = context.Quick || Environment.GetEnvironmentVariable("RECOMMIT_SKIP_R") == "1";
        var r = skipR ? null : RComparison.Run(context, directory, series);
        var scores = r?.Forecasts.Select(p => M3Score.Of(p.Key, series, p.Value, r.Seconds.GetValueOrDefault(p.Key).Wall)).ToList() ?? [];
        foreach (var s in scores) context.Log.WriteLine(Describe(s));
        var rText = scores.Count == 0 ? "R not available: no comparison" :
            "R" + (r!.Cached ? " (cached results)" : "") + ": " + string.Join("; ", scores.Select(Describe));

        string[] rMethods = ["ets", "auto.arima", "thetaf"];
        var missing = rMethods.Where(m => scores.All(s => s.Method != m)).ToList();
        if (scores.Count > 0 && missing.Count > 0) rText += $" — not available: {string.Join(", ", missing)}, so the bar is not judged";
        var bestSmape = scores.Count > 0 ? scores.Min(s => s.Smape) : double.NaN;
        var bestMase = scores.Count > 0 ? scores.Min(s => s.Mase) : double.NaN;
        yield return new QualityFigure("A2", workload, F($"sMAPE {score.Smape:F2}, MASE {score.Mase:F3}"),
            scores.Count == 0 ? "sMAPE and MASE below the best of R's ets, auto.arima and thetaf; aim ≤ 13.4"
                : F($"sMAPE below best of R's three ({bestSmape:F2}), MASE below best ({bestMase:F3}); aim ≤ 13.4"),
            missing.Count > 0 ? null : score.Smape < bestSmape && score.Mase < bestMase, rText);
        yield return new QualityFigure("A3", workload, F($"80 % covers {score.Coverage80:P1}, 95 % covers {score.Coverage95:P1}"),
            "80 %: 77–83 %; 95 %: 93–97 %", Calibrated(score),
            F($"by horizon {Bands(score)}; the models' own intervals: {modelScore.Coverage80:P1} / {modelScore.Coverage95:P1} ({Bands(modelScore)})"));

        var heldOut = context.Quick ? null : HeldOutData.Load(context);
        if (heldOut is null)
        {
            yield return new QualityFigure("A3", "held-out monthly series", "not run", "80 %: 77–83 %; 95 %: 93–97 %", null,
                context.Quick ? "skipped in a quick run" : "R's datasets, forecast, tseries and AER packages not available");
        }
        else
        {
            var (held, _) = Score("recommit held-out", heldOut, new ForecastOptions());
            var (heldModel, _) = Score("recommit held-out, model intervals", heldOut, modelOnly);
            context.Log.WriteLine(Describe(held));
            context.Log.WriteLine(Describe(heldModel));
            var collection = heldOut.Select(s => s.Id[..s.Id.LastIndexOf('#')]).Distinct().Count();
            yield return new QualityFigure("A3", F($"held-out monthly: {collection} series of R's datasets, forecast, tseries, AER; {heldOut.Count} windows, h = 18"),
                F($"80 % covers {held.Coverage80:P1}, 95 % covers {held.Coverage95:P1}"), "80 %: 77–83 %; 95 %: 93–97 %", Calibrated(held),
                F($"by horizon {Bands(held)}; the models' own intervals: {heldModel.Coverage80:P1} / {heldModel.Coverage95:P1} ({Bands(heldModel)}); sMAPE {held.Smape:F2}, MASE {held.Mase:F3}"));
        }
        // The machine is shared, so wall time depends on the load; CPU time (R's including its forked workers) is the
        // fairer comparison and is the one judged. Both are reported.
        var hasEts = r is not null && r.Seconds.ContainsKey("ets");
        var (etsWall, etsCpu) = hasEts ? r!.Seconds["ets"] : (double.NaN, double.NaN);
        var cpuRatio = etsCpu / cpu;
        var wallRatio = etsWall / seconds;
        yield return new QualityFigure("S3", workload,
            F($"{seconds:F2} s wall ({cpu:F2} s CPU), {seconds * 1000 / series.Count:F2} ms/series, {Environment.ProcessorCount} cores"),
            "≥ 50× less CPU than R's forecast::ets",
            hasEts ? cpuRatio >= 50 : null,
            (hasEts ? F($"R ets {etsWall:F1} s wall / {etsCpu:F1} s CPU on {Environment.ProcessorCount} cores (mclapply){(r!.Cached ? ", cached" : "")}: CPU ratio {cpuRatio:F1}×, wall ratio {wallRatio:F1}×") : "R's ets results not available")
            + F($"; with the models' own intervals (no calibration) {modelScore.Seconds:F2} s wall, {modelCpu:F2} s CPU"));
    }

    private static bool Calibrated(M3Score s) => s.Coverage80 is >= 0.77 and <= 0.83 && s.Coverage95 is >= 0.93 and <= 0.97;

    /// <summary>Forecasts and scores every series with <paramref name="options"/>; also returns the process CPU seconds it took.</summary>
    private static (M3Score Score, double Cpu) Score(string method, IReadOnlyList<M3Series> series, ForecastOptions options)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var forecasts = ForecastAll(series, out var seconds, options);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return (M3Score.Of(method, series, forecasts, seconds), cpu);
    }

    /// <summary>Forecasts every series with the default options on all cores; returns mean, lo80, hi80, lo95, hi95 per series.</summary>
    internal static List<double[][]> ForecastAll(IReadOnlyList<M3Series> series, out double seconds, ForecastOptions? options = null)
    {
        var opts = options ?? new ForecastOptions();
        for (var i = 0; i < Math.Min(10, series.Count); i++) Forecaster.Forecast(series[i].Train, 18, opts); // JIT warm-up
        var results = new double[series.Count][][];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, series.Count, i =>
        {
            var f = Forecaster.Forecast(series[i].Train, series[i].Test.Length, opts);
            var i80 = f.Intervals.First(p => p.Level == 80);
            var i95 = f.Intervals.First(p => p.Level == 95);
            results[i] = [[.. f.Mean], [.. i80.Lower], [.. i80.Upper], [.. i95.Lower], [.. i95.Upper]];
        });
        seconds = clock.Elapsed.TotalSeconds;
        return [.. results];
    }

    private static string Describe(M3Score s) =>
        F($"{s.Method}: sMAPE {s.Smape:F2}, MASE {s.Mase:F3}, coverage 80 % {s.Coverage80:P1} / 95 % {s.Coverage95:P1} ({Bands(s)}), {s.Seconds:F1} s");

    /// <summary>Coverage per horizon band, e.g. "steps 1–6: 80.1 % / 95.0 %; …".</summary>
    internal static string Bands(M3Score s) =>
        string.Join("; ", M3Score.BandNames.Select((name, b) => F($"steps {name}: {s.Band80[b]:P1} / {s.Band95[b]:P1}")));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
