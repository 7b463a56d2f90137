using System.Text.Json;
using Recommit.Import.Tests;

namespace Recommit.Cli.Tests;

/// <summary>
/// The standing fuzz corpus (docs/quality.md R1, issue 16 item 8), run through the whole command line in process: every
/// importer's format × every damage class of <see cref="MalformedCorpus"/> (truncation, encodings, quotes, numbers,
/// absurd dates, control characters, formulas, overflowing sums, …) and hostile option values. A run exits 0 or 2,
/// never 1; every file of a successful import reconciles (rows read = accepted + rejected); and a usage file an import
/// accepted never crashes <c>price</c> afterwards.
/// </summary>
public sealed class FuzzCorpusTests : IDisposable
{
    /// <summary>Generated input files; docs/quality.md R1 asks for at least 1,000.</summary>
    public const int CorpusSize = 1200;

    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_malformed_file_exits_0_or_2_reconciles_and_never_crashes_a_later_verb()
    {
        var failures = new List<string>();
        int ok = 0, refused = 0, priced = 0;
        foreach (var c in MalformedCorpus.Generate(CorpusSize, seed: 20261129))
        {
            var input = Path.Combine(_dir, $"case{c.Id}{c.Extension}");
            var output = Path.Combine(_dir, $"case{c.Id}.out.csv");
            File.WriteAllBytes(input, c.Bytes);
            string[] args = c.Detect ? ["import", input, "--out", output, "--json"] : ["import", input, "--format", c.Format, "--out", output, "--json"];
            var run = CliRun.Of(args);
            var label = $"case {c.Id} ({c.Format}, {c.Damage})";
            switch (run.ExitCode)
            {
                case 0:
                    ok++;
                    using (var doc = JsonDocument.Parse(run.Stdout))
                        foreach (var file in doc.RootElement.GetProperty("files").EnumerateArray())
                            if (file.GetProperty("rowsRead").GetInt64() != file.GetProperty("accepted").GetInt64() + file.GetProperty("rejected").GetInt64())
                                failures.Add($"{label}: rows read != accepted + rejected: {file}");
                    if (File.Exists(output) && c.Id % 3 == 0)
                    {
                        priced++;
                        var price = CliRun.Of("price", "--usage", output, "--json");
                        if (price.ExitCode is not (0 or 2)) failures.Add($"{label}: price of the import's output exited {price.ExitCode}: {First(price.Stderr)}");
                    }
                    break;
                case 2:
                    refused++;
                    if (string.IsNullOrWhiteSpace(run.Stderr)) failures.Add($"{label}: exit 2 with no message");
                    break;
                default:
                    failures.Add($"{label}: exit {run.ExitCode}: {First(run.Stderr)}");
                    break;
            }
            if (run.Stderr.Contains('\u001b') || run.Stdout.Contains('\u001b')) failures.Add($"{label}: an escape character reached the console");
            File.Delete(input);
            File.Delete(output);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(CorpusSize, ok + refused);
        // Both outcomes in earnest, and the later verb exercised.
        Assert.True(ok > 200 && refused > 100, $"{ok} imported, {refused} refused");
        Assert.True(priced > 50, $"only {priced} imports priced afterwards");
    }

    [Fact]
    public void Hostile_option_values_exit_0_or_2_never_1()
    {
        var demo = Repository.PathOf("data", "demo", "contoso");
        var forecastInput = Path.Combine(_dir, "series.csv");
        File.WriteAllText(forecastInput, "series_id,period,value\n" + string.Concat(Enumerable.Range(1, 24).Select(i => $"a,{i},{100 + i}\n")));
        string[] numbers = ["NaN", "Infinity", "-Infinity", "-1", "0", "1e400", "99999999999999999999", "5", "5%", "0.5", "", " ", "1,5", "0x10", "\u001b[31m"];
        string[] days = ["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "yesterday", "", "2026-11-24T00:00:00Z"];
        var failures = new List<string>();
        var runs = 0;
        void Check(params string[] args)
        {
            runs++;
            var run = CliRun.Of(args);
            if (run.ExitCode is not (0 or 2)) failures.Add($"{string.Join(' ', args)}: exit {run.ExitCode}: {First(run.Stderr)}");
        }
        string[] Analyze(params string[] extra) =>
            ["analyze", "--usage", Path.Combine(demo, "usage.csv"), "--contract", Path.Combine(demo, "contract.json"), "--json", .. extra];
        foreach (var n in numbers)
        {
            Check(Analyze("--paths", "100", "--threshold", n));
            Check(Analyze("--paths", n));
            Check(Analyze("--paths", "100", "--seed", n));
            Check("forecast", "--input", forecastInput, "--horizon", n);
            Check("forecast", "--input", forecastInput, "--horizon", "3", "--levels", n);
        }
        foreach (var d in days)
        {
            Check(Analyze("--paths", "100", "--as-of", d));
            Check("ledger", "--usage", Path.Combine(demo, "usage.csv"), "--contract", Path.Combine(demo, "contract.json"), "--through", d);
            Check("import", "anthropic", "--from", d, "--out", Path.Combine(_dir, "api.csv"), "--base-url", "http://127.0.0.1:9/");
        }

        foreach (var d in days)
            Check("import", "anthropic", "--from", "2026-01-01", "--to", d, "--out", Path.Combine(_dir, "api.csv"), "--base-url", "http://127.0.0.1:9/");
        string[] months = ["0001-01", "9999-12", "2026-13", "2026-00", "", "soon", "2026-08"];
        foreach (var m in months)
            Check("verify", "--old", Path.Combine(demo, "contract.json"), "--new", Path.Combine(demo, "contract.json"), "--usage", Path.Combine(demo, "usage.csv"), "--from", m);
        foreach (var n in numbers)
            Check("verify", "--old", Path.Combine(demo, "contract.json"), "--new", Path.Combine(demo, "contract.json"), "--usage", Path.Combine(demo, "usage.csv"), "--from", "2026-06", "--share", n);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.True(runs > 110, $"{runs} runs");
    }

    private static string First(string text) => text.Split('\n', 2)[0];
}
