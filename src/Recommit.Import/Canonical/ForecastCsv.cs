using System.Globalization;
using Recommit.Forecasting;
using Recommit.Import.Internals;
using Sylvan.Data.Csv;

namespace Recommit.Import.Canonical;

/// <summary>
/// The CSV files of <c>recommit forecast</c>: the long-format input <c>series_id,period,value[,frequency]</c> (a
/// period is a whole number or a <c>yyyy-MM</c> month; the frequency defaults to 12) and the output
/// <c>series_id,step,mean,lo80,hi80,lo95,hi95</c> (docs/method.md §4).
/// </summary>
public static class ForecastCsv
{
    /// <summary>
    /// Writes <c>series_id,step,mean,lo80,hi80,…</c> (one lo/hi pair per level, in the order given) for every series
    /// in input order; numbers with ten significant digits.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<ForecastSeries> series, IReadOnlyList<Forecast> forecasts, IReadOnlyList<int> levels)
    {
        writer.Write("series_id,step,mean");
        foreach (var level in levels) writer.Write($",lo{level},hi{level}");
        writer.WriteLine();
        for (var i = 0; i < series.Count; i++)
        {
            var f = forecasts[i];
            for (var h = 0; h < f.Horizon; h++)
            {
                writer.Write(FieldParsers.CsvEscape(series[i].Id));
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

    /// <summary>
    /// Reads the long-format CSV; periods are whole numbers or yyyy-MM months, missing periods become gaps (NaN).
    /// Any fault is an <see cref="InputException"/> naming <paramref name="shown"/> and the line.
    /// </summary>
    public static IReadOnlyList<ForecastSeries> ReadSeries(string path, string shown)
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
        var result = new List<ForecastSeries>(order.Count);
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
            result.Add(new ForecastSeries(id, frequency, series));
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
