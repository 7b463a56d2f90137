using System.Globalization;

namespace Recommit.Bench.M3;

/// <summary>Reads the M3 monthly data set (long-format train/test/meta CSVs, see its README).</summary>
internal static class M3Data
{
    /// <summary>The data directory: RECOMMIT_M3_DIR, else the shared data folder next to the repository.</summary>
    public static string? Locate(string repositoryRoot)
    {
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("RECOMMIT_M3_DIR"),
            Path.Combine(repositoryRoot, "..", "shared", "data", "m3"),
            Path.Combine(repositoryRoot, "..", "..", "shared", "data", "m3"),
            "/work/shared/data/m3",
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "m3_monthly_meta.csv")));
    }

    public static List<M3Series> Load(string directory)
    {
        var train = ReadLong(Path.Combine(directory, "m3_monthly_train.csv"));
        var test = ReadLong(Path.Combine(directory, "m3_monthly_test.csv"));
        var series = new List<M3Series>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "m3_monthly_meta.csv")).Skip(1))
        {
            var f = line.Split(',');
            series.Add(new M3Series(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), Values(train[f[0]]), Values(test[f[0]])));
        }
        return series;
    }

    private static double[] Values(List<(int Period, double Value)> points) =>
        [.. points.OrderBy(p => p.Period).Select(p => p.Value)];

    private static Dictionary<string, List<(int, double)>> ReadLong(string path)
    {
        var result = new Dictionary<string, List<(int, double)>>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (!result.TryGetValue(f[0], out var list)) result[f[0]] = list = [];
            list.Add((int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
