using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Recommit.Forecasting;
using Recommit.Import.Canonical;
using Recommit.Import.Output;
using Recommit.Cli.Internals;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit forecast --input FILE --horizon H [--levels 80,95] [--method combination|ets|theta|drift|snaive] [--intervals calibrated|model] [--out FILE]</c>:
/// forecasts every series of a long-format CSV (<c>series_id,period,value[,frequency]</c>) and writes
/// <c>series_id,step,mean,lo80,hi80,lo95,hi95</c> (one lo/hi pair per level) in input order (docs/method.md §4).
/// </summary>
internal static class ForecastCommand
{
    private static readonly Dictionary<string, ForecastMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["combination"] = ForecastMethod.Combination,
        ["ets"] = ForecastMethod.Ets,
        ["theta"] = ForecastMethod.Theta,
        ["drift"] = ForecastMethod.Drift,
        ["snaive"] = ForecastMethod.SeasonalNaive,
    };

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Long-format CSV: series_id,period,value[,frequency] (period an integer or yyyy-MM)", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Steps to forecast", Required = true };
        var levels = new Option<string>("--levels") { Description = "Interval levels in percent, comma-separated", DefaultValueFactory = _ => "80,95" };
        var method = new Option<string>("--method") { Description = "combination (default), ets, theta, drift or snaive", DefaultValueFactory = _ => "combination" };
        var intervals = new Option<string>("--intervals")
        {
            Description = "calibrated (default: calibrated on each series' own past errors) or model (the models' own simulated intervals)",
            DefaultValueFactory = _ => "calibrated",
        };
        intervals.AcceptOnlyFromAmong("calibrated", "model");
        var output = new Option<FileInfo?>("--out") { Description = "Output CSV (default: standard output)" };
        var command = new Command("forecast", "Forecast each series of a long-format CSV with prediction intervals");
        command.Options.Add(input);
        command.Options.Add(horizon);
        command.Options.Add(levels);
        command.Options.Add(method);
        command.Options.Add(intervals);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return CliContext.Guard(parse, stderr, () =>
            {
                var h = parse.GetValue(horizon);
                if (h is < 1 or > 10_000) throw new InputException($"--horizon: must be between 1 and 10000, got {h}");
                var levelList = ParseLevels(parse.GetValue(levels)!);
                var methodName = parse.GetValue(method)!;
                if (!Methods.TryGetValue(methodName, out var chosen))
                    throw new InputException($"--method: unknown method '{methodName}' (expected one of {string.Join(", ", Methods.Keys)})");
                var file = parse.GetValue(input)!;
                var series = ForecastCsv.ReadSeries(file.FullName, file.ToString());
                var options = new ForecastOptions
                {
                    Levels = levelList,
                    Method = chosen,
                    Intervals = parse.GetValue(intervals) == "model" ? IntervalMethod.Model : IntervalMethod.Calibrated,
                };
                var forecasts = ForecastAll(series, h, options, stderr);
                foreach (var (s, f) in series.Zip(forecasts))
                    foreach (var warning in f.Warnings) stderr.WriteLine($"recommit forecast: series {s.Id}: {warning}");
                var target = parse.GetValue(output);
                if (target is null)
                {
                    ForecastCsv.Write(stdout, series, forecasts, levelList);
                }
                else
                {
                    AtomicFile.WriteText(target.ToString(), writer => ForecastCsv.Write(writer, series, forecasts, levelList));
                    stderr.WriteLine($"recommit forecast: {series.Count} series × {h} steps written to {target}");
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static ImmutableArray<int> ParseLevels(string text)
    {
        var builder = ImmutableArray.CreateBuilder<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level is <= 0 or >= 100)
                throw new InputException($"--levels: '{part}' is not a whole percentage between 1 and 99");
            if (!builder.Contains(level)) builder.Add(level);
        }
        if (builder.Count == 0) throw new InputException("--levels: give at least one level, e.g. 80,95");
        return builder.ToImmutable();
    }

    private static Forecast[] ForecastAll(IReadOnlyList<ForecastSeries> series, int horizon, ForecastOptions options, TextWriter stderr)
    {
        var results = new Forecast[series.Count];
        var done = 0;
        void Run() => Parallel.For(0, series.Count, i =>
        {
            var s = series[i];
            results[i] = Forecaster.Forecast(s.Values, horizon, options with { Frequency = s.Frequency });
            Interlocked.Increment(ref done);
        });

        var interactive = ReferenceEquals(Terminal.Unwrap(stderr), Console.Error) && !Console.IsErrorRedirected && series.Count > 1;
        if (!interactive)
        {
            Run();
            return results;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("Forecasting", maxValue: series.Count);
            var work = Task.Run(Run);
            while (!work.Wait(100)) task.Value = Volatile.Read(ref done);
            work.GetAwaiter().GetResult();
            task.Value = series.Count;
        });
        return results;
    }
}
