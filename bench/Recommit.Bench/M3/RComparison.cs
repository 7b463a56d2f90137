using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Recommit.Bench.M3;

/// <summary>
/// Runs R's <c>forecast::ets</c>, <c>auto.arima</c> and <c>thetaf</c> on the M3 series (bench/r/m3.R) and reads their
/// forecasts and wall times. The results are cached in the bench work directory under a hash of the script and the
/// data, so repeated bench runs reuse them (auto.arima takes minutes); our forecaster is always timed fresh.
/// </summary>
internal static class RComparison
{
    public sealed record Result(Dictionary<string, List<double[][]>> Forecasts, Dictionary<string, (double Wall, double Cpu)> Seconds, bool Cached);

    public static Result? Run(BenchContext context, string dataDirectory, IReadOnlyList<M3Series> series)
    {
        var script = Path.Combine(context.RepositoryRoot, "bench", "r", "m3.R");
        var key = Hash(script, Path.Combine(dataDirectory, "m3_monthly_train.csv"), Path.Combine(dataDirectory, "m3_monthly_meta.csv"));
        var prefix = Path.Combine(context.WorkDirectory, $"m3-r-{key}");
        var cached = File.Exists(prefix + "-forecasts.csv") && File.Exists(prefix + "-times.csv");
        if (!cached)
        {
            if (!EnsureR(context, ["forecast"], ["r-base-core", "r-cran-forecast"])) return null;
            context.Log.WriteLine("M3: running R's ets, thetaf and auto.arima (several minutes; cached afterwards)");
            var (code, _) = Exec("Rscript", [script, dataDirectory, prefix, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)], context.Log);
            if (code != 0 || !File.Exists(prefix + "-times.csv")) return null;
        }
        return new Result(ReadForecasts(prefix + "-forecasts.csv", series), ReadTimes(prefix + "-times.csv"), cached);
    }

    /// <summary>
    /// True when Rscript runs with every package in <paramref name="rPackages"/>; outside CI, installs
    /// <paramref name="debianPackages"/> with apt-get first when one is missing.
    /// </summary>
    internal static bool EnsureR(BenchContext context, string[] rPackages, string[] debianPackages)
    {
        if (HasPackages(rPackages)) return true;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) return false;
        context.Log.WriteLine($"M3: installing {string.Join(" ", debianPackages)} with apt-get");
        Exec("apt-get", ["install", "-y", .. debianPackages], context.Log);
        return HasPackages(rPackages);
    }

    private static bool HasPackages(string[] rPackages)
    {
        var names = string.Join(", ", rPackages.Select(p => $"'{p}'"));
        try
        {
            return Exec("Rscript", ["-e", $"quit(status = if (all(sapply(c({names}), requireNamespace, quietly = TRUE))) 0 else 1)"], TextWriter.Null).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    internal static (int Code, string Output) Exec(string file, string[] arguments, TextWriter log)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine($"  {file}: {e.Data}"); };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    internal static string Hash(params string[] files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files) sha.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static Dictionary<string, (double Wall, double Cpu)> ReadTimes(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0].Trim('"'), f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));

    private static Dictionary<string, List<double[][]>> ReadForecasts(string path, IReadOnlyList<M3Series> series)
    {
        var index = series.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var result = new Dictionary<string, List<double[][]>>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            var method = f[0].Trim('"');
            if (!result.TryGetValue(method, out var list))
            {
                result[method] = list = [.. series.Select(s => Enumerable.Range(0, 5).Select(_ => new double[s.Test.Length]).ToArray())];
            }
            var i = index[f[1].Trim('"')];
            var step = int.Parse(f[2], CultureInfo.InvariantCulture) - 1;
            for (var k = 0; k < 5; k++) list[i][k][step] = double.Parse(f[3 + k], CultureInfo.InvariantCulture);
        }
        return result;
    }
}
