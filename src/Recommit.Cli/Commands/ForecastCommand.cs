using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Recommit.Forecasting;
using Recommit.Import;
using Recommit.Import.Output;
using Spectre.Console;
using Sylvan.Data.Csv;

using Recommit.Cli.Internals;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit forecast --input FILE --horizon H [--levels 80,95] [--method combination|ets|theta|drift|snaive] [--out FILE]</c>:
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
        var output = new Option<FileInfo?>("--out") { Description = "Output CSV (default: standard output)" };
        var command = new Command("forecast", "Forecast each series of a long-format CSV with prediction intervals");
        command.Options.Add(input);
        command.Options.Add(horizon);
        command.Options.Add(levels);
        command.Options.Add(method);
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
                var series = ReadSeries(file.FullName, file.ToString());
                var forecasts = ForecastAll(series, h, levelList, chosen, stderr);
                foreach (var (s, f) in series.Zip(forecasts))
                    foreach (var warning in f.Warnings) stderr.WriteLine($"recommit forecast: series {s.Id}: {warning}");
                var target = parse.GetValue(output);
                if (target is null)
                {
                    Write(stdout, series, forecasts, levelList);
                }
                else
                {
                    AtomicFile.WriteText(target.ToString(), writer => Write(writer, series, forecasts, levelList));
                    stderr.WriteLine($"recommit forecast: {series.Count} series × {h} steps written to {target}");
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private sealed record InputSeries(string Id, int Frequency, double[] Values);

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

    private static Forecast[] ForecastAll(List<InputSeries> series, int horizon, ImmutableArray<int> levels, ForecastMethod method, TextWriter stderr)
    {
        var results = new Forecast[series.Count];
        var done = 0;
        void Run() => Parallel.For(0, series.Count, i =>
        {
            var s = series[i];
            results[i] = Forecaster.Forecast(s.Values, horizon, new ForecastOptions { Frequency = s.Frequency, Levels = levels, Method = method });
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

    private static void Write(TextWriter writer, List<InputSeries> series, Forecast[] forecasts, ImmutableArray<int> levels)
    {
        writer.Write("series_id,step,mean");
        foreach (var level in levels) writer.Write($",lo{level},hi{level}");
        writer.WriteLine();
        for (var i = 0; i < series.Count; i++)
        {
            var f = forecasts[i];
            for (var h = 0; h < f.Horizon; h++)
            {
                writer.Write(CsvText.Field(series[i].Id));
                writer.Write(',');
                writer.Write((h + 1).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Number(f.Mean[h]));
                foreach (var level in levels)
                {
                    var interval = f.Intervals.First(p => p.Level == level);
                    writer.Write(',');
                    writer.Write(Number(interval.Lower[h]));
                    writer.Write(',');
                    writer.Write(Number(interval.Upper[h]));
                }
                writer.WriteLine();
            }
        }
    }

    private static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>Reads the long-format CSV; periods are whole numbers or yyyy-MM months, missing periods become gaps.</summary>
    private static List<InputSeries> ReadSeries(string path, string shown)
    {
        InputFile.MustExist(path, "--input");
        var points = new Dictionary<string, (int Frequency, long FirstLine, Dictionary<long, double> Values)>(StringComparer.Ordinal);
        var order = new List<string>();
        try
        {
            using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
            int Column(string name, bool required)
            {
                for (var i = 0; i < csv.FieldCount; i++)
                    if (string.Equals(csv.GetName(i).Trim().Trim('\uFEFF'), name, StringComparison.OrdinalIgnoreCase)) return i;
                return required ? throw new InputException($"{shown}:1: missing required column '{name}' (need series_id,period,value)") : -1;
            }
            var idColumn = Column("series_id", true);
            var periodColumn = Column("period", true);
            var valueColumn = Column("value", true);
            var frequencyColumn = Column("frequency", false);
            while (csv.Read())
            {
                var line = csv.RowNumber + 1; // Sylvan counts data rows from 1; the header is line 1
                string Field(int column, string name) =>
                    column < csv.RowFieldCount ? csv.GetString(column).Trim() : throw new InputException($"{shown}:{line}: missing field '{name}'");
                var id = Field(idColumn, "series_id");
                if (id.Length == 0) throw new InputException($"{shown}:{line}: empty series_id");
                var period = ParsePeriod(Field(periodColumn, "period"), shown, line);
                var value = ParseValue(Field(valueColumn, "value"), shown, line);
                var frequency = 12;
                if (frequencyColumn >= 0 && frequencyColumn < csv.RowFieldCount && csv.GetString(frequencyColumn).Trim().Length > 0)
                {
                    var text = csv.GetString(frequencyColumn).Trim();
                    if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out frequency) || frequency is < 1 or > 366)
                        throw new InputException($"{shown}:{line}: frequency '{Clip(text)}' is not a whole number between 1 and 366");
                }
                if (!points.TryGetValue(id, out var entry))
                {
                    entry = (frequency, line, new Dictionary<long, double>());
                    points[id] = entry;
                    order.Add(id);
                }
                else if (entry.Frequency != frequency)
                {
                    throw new InputException($"{shown}:{line}: series '{Clip(id)}' has frequency {frequency} here but {entry.Frequency} on line {entry.FirstLine}");
                }
                if (!entry.Values.TryAdd(period, value))
                    throw new InputException($"{shown}:{line}: series '{Clip(id)}' has period {Clip(Field(periodColumn, "period"))} twice");
            }
        }
        catch (CsvFormatException e)
        {
            throw new InputException($"{shown}: malformed CSV: {e.Message}");
        }
        if (order.Count == 0) throw new InputException($"{shown}: no data rows");
        var result = new List<InputSeries>(order.Count);
        foreach (var id in order)
        {
            var (frequency, firstLine, values) = points[id];
            var first = values.Keys.Min();
            var last = values.Keys.Max();
            if (last - first >= 100_000) throw new InputException($"{shown}:{firstLine}: series '{Clip(id)}' spans {last - first + 1} periods (at most 100000)");
            var series = new double[last - first + 1];
            Array.Fill(series, double.NaN);
            foreach (var (period, value) in values) series[period - first] = value;
            if (series.All(double.IsNaN)) throw new InputException($"{shown}:{firstLine}: series '{Clip(id)}' has no values");
            result.Add(new InputSeries(id, frequency, series));
        }
        return result;
    }

    private static long ParsePeriod(string text, string shown, long line)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index is >= -1_000_000_000 and <= 1_000_000_000) return index;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month.Year * 12L + month.Month - 1;
        throw new InputException($"{shown}:{line}: period '{Clip(text)}' is neither a whole number nor a yyyy-MM month");
    }

    private static double ParseValue(string text, string shown, long line)
    {
        if (text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
            throw new InputException($"{shown}:{line}: value '{Clip(text)}' is not a number");
        if (value < 0) throw new InputException($"{shown}:{line}: value {Clip(text)} is negative (volumes cannot be)");
        return value;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
