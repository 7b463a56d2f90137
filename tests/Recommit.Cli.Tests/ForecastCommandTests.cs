using System.Globalization;

namespace Recommit.Cli.Tests;

public sealed class ForecastCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recommit-forecast-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteInput(string text)
    {
        var path = Path.Combine(_directory, "input.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = RecommitCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string LongFormat(params (string Id, double[] Values)[] series)
    {
        var sb = new System.Text.StringBuilder("series_id,period,value\n");
        foreach (var (id, values) in series)
            for (var t = 0; t < values.Length; t++) sb.Append(CultureInfo.InvariantCulture, $"{id},{t + 1},{values[t]}\n");
        return sb.ToString();
    }

    [Fact]
    public void Forecasts_every_series_in_input_order_with_one_column_pair_per_level()
    {
        var growing = Enumerable.Range(0, 36).Select(t => 100.0 + 3 * t + 10 * Math.Sin(t)).ToArray();
        var flat = Enumerable.Repeat(7.0, 24).ToArray();
        var input = WriteInput(LongFormat(("zeta", growing), ("alpha", flat)));

        var (code, output, _) = Run("forecast", "--input", input, "--horizon", "4", "--levels", "80,95");

        Assert.Equal(0, code);
        var lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("series_id,step,mean,lo80,hi80,lo95,hi95", lines[0]);
        Assert.Equal(1 + 2 * 4, lines.Length);
        Assert.StartsWith("zeta,1,", lines[1], StringComparison.Ordinal);
        Assert.Equal("alpha,4,7,7,7,7,7", lines[8]);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',').Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(f[3] <= f[1] && f[1] <= f[0] && f[0] <= f[2] && f[2] <= f[4], line);
        }
    }

    [Fact]
    public void Writes_to_the_out_file_with_the_requested_levels_and_method()
    {
        var input = WriteInput(LongFormat(("s", [10, 12, 14, 16, 18, 20, 22, 24])));
        var output = Path.Combine(_directory, "out.csv");

        var (code, _, err) = Run("forecast", "--input", input, "--horizon", "2", "--levels", "90", "--method", "drift", "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("written to", err, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("series_id,step,mean,lo90,hi90", lines[0]);
        Assert.StartsWith("s,1,26,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("s,2,28,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_are_calibrated_by_default_and_model_gives_the_models_own_with_the_same_means()
    {
        var rng = new Random(3);
        var level = 100.0;
        var jumpy = Enumerable.Range(0, 48).Select(_ => level *= Math.Exp(0.01 + (rng.NextDouble() < 0.15 ? 0.3 : 0.03) * (rng.NextDouble() - 0.5))).ToArray();
        var input = WriteInput(LongFormat(("s", jumpy)));

        var calibrated = Run("forecast", "--input", input, "--horizon", "6");
        var model = Run("forecast", "--input", input, "--horizon", "6", "--intervals", "model");
        var bad = Run("forecast", "--input", input, "--horizon", "6", "--intervals", "wide");

        Assert.Equal(0, calibrated.Code);
        Assert.Equal(0, model.Code);
        string[] Column(string output, int index) => [.. output.Trim().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')[index])];
        Assert.Equal(Column(model.Out, 2), Column(calibrated.Out, 2));
        Assert.NotEqual(Column(model.Out, 6), Column(calibrated.Out, 6));
        Assert.Equal(2, bad.Code);
        Assert.Contains("wide", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Month_periods_and_gaps_are_accepted_and_gaps_are_reported()
    {
        var input = WriteInput("series_id,period,value,frequency\nx,2025-01,10,12\nx,2025-02,11,12\nx,2025-04,13,12\nx,2025-05,14,12\nx,2025-06,15,12\nx,2025-07,16,12\n");

        var (code, output, err) = Run("forecast", "--input", input, "--horizon", "1", "--method", "drift");

        Assert.Equal(0, code);
        Assert.Contains("series x: interpolated 1 missing value", err, StringComparison.Ordinal);
        Assert.StartsWith("x,1,17,", output.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_series_is_forecast_with_a_warning()
    {
        var input = WriteInput(LongFormat(("new", [5, 6, 7])));
        var (code, _, err) = Run("forecast", "--input", input, "--horizon", "3");
        Assert.Equal(0, code);
        Assert.Contains("series new: only 3 point(s)", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("series_id,period,value\na,1,5\na,2,-3\n", "input.csv:3: value -3 is negative")]
    [InlineData("series_id,period,value\na,1,5\na,x,3\n", "input.csv:3: period 'x'")]
    [InlineData("series_id,period,value\na,1,5\na,1,3\n", "input.csv:3: series 'a' has period 1 twice")]
    [InlineData("series_id,value\na,5\n", "input.csv:1: missing required column 'period'")]
    [InlineData("series_id,period,value\na,1,five\n", "input.csv:2: value 'five' is not a number")]
    [InlineData("series_id,period,value\n", "no data rows")]
    public void Bad_input_exits_2_naming_file_and_line(string text, string message)
    {
        var input = WriteInput(text);
        var (code, _, err) = Run("forecast", "--input", input, "--horizon", "3");
        Assert.Equal(2, code);
        Assert.True(err.Contains(message, StringComparison.Ordinal), err);
    }

    [Fact]
    public void Bad_options_exit_2()
    {
        var input = WriteInput(LongFormat(("s", [1, 2, 3, 4, 5, 6])));
        Assert.Equal(2, Run("forecast", "--input", input, "--horizon", "0").Code);
        Assert.Equal(2, Run("forecast", "--input", input, "--horizon", "3", "--levels", "80,150").Code);
        Assert.Equal(2, Run("forecast", "--input", input, "--horizon", "3", "--method", "arima").Code);
        Assert.Equal(2, Run("forecast", "--input", Path.Combine(_directory, "missing.csv"), "--horizon", "3").Code);
    }
}
