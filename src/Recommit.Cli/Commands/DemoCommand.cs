using System.CommandLine;
using System.Reflection;
using Recommit.Analysis;
using Recommit.Cli.Internals;
using Recommit.Import.Output;
using Recommit.Reports.Json;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit demo</c>: runs the main job on the three demo accounts shipped inside the tool (northwind: growing into
/// durable overage; contoso: durable shortfall; fabrikam: a seasonal swing), writing each account's inputs and report
/// under the output folder.
/// </summary>
internal static class DemoCommand
{
    private const string Prefix = "demo/";

    public static Command Create()
    {
        var outDir = new Option<string?>("--out") { Description = "Folder for the demo accounts' inputs and reports (default ./recommit-demo; with --json, files are written only when --out is given)" };
        var account = new Option<string?>("--account") { Description = "Run one account only: " + string.Join(", ", Accounts()) };
        var paths = new Option<int>("--paths") { Description = $"Simulated paths ({OptionChecks.MinPaths:N0}..{OptionChecks.MaxPaths:N0})", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1UL };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of the accounts' analyses to stdout" };
        var command = new Command("demo", "Run the main job on the three embedded demo accounts and write their reports");
        foreach (var o in new Option[] { outDir, account, paths, seed, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var only = parse.GetValue(account);
            var names = Accounts().Where(a => only is null || a.Equals(only, StringComparison.OrdinalIgnoreCase)).ToList();
            if (names.Count == 0) throw new InputException($"--account: no demo account '{only}'; the accounts are {string.Join(", ", Accounts())}");
            var asJson = parse.GetValue(json);
            // With --json and no --out, nothing is written where a report may already be: the inputs go to a
            // temporary folder that is removed afterwards.
            var given = parse.GetValue(outDir);
            var scratch = given is null && asJson ? Directory.CreateTempSubdirectory("recommit-demo-").FullName : null;
            var root = given ?? scratch ?? "recommit-demo";
            try
            {
                return Run(names, root, writeReports: scratch is null, OptionChecks.Paths(parse.GetValue(paths)), parse.GetValue(seed), asJson, stdout, stderr);
            }
            finally
            {
                if (scratch is not null) Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }

    private static int Run(List<string> names, string root, bool writeReports, int paths, ulong seed, bool asJson, TextWriter stdout, TextWriter stderr)
    {
        var results = new List<AnalysisResult>();
        foreach (var name in names)
        {
            var dir = Path.Combine(root, name);
            var input = Extract(name, Path.Combine(dir, "input"));
            var request = new AnalysisRequest(Path.Combine(input, "contract.json"))
            {
                UsagePaths = [Path.Combine(input, "usage.csv")],
                LeversPath = Path.Combine(input, "levers.json"),
                Paths = paths,
                Seed = seed,
                Account = name,
            };
            var analysis = AnalyzeCommand.RunWithProgress(request, stdout, stderr, asJson);
            var files = writeReports ? ReportOutput.Write(analysis, dir) : [];
            results.Add(analysis);
            if (!asJson)
            {
                AnalysisSummary.Write(CliInputs.PlainConsole(stdout), analysis, files);
                stdout.WriteLine();
            }
        }
        if (asJson)
        {
            stdout.Write('[');
            for (var i = 0; i < results.Count; i++)
            {
                if (i > 0) stdout.Write(',');
                AnalysisJson.Write(results[i], stdout);
            }
            stdout.WriteLine(']');
        }
        return ExitCodes.Success;
    }

    /// <summary>The demo accounts embedded in the tool.</summary>
    public static IReadOnlyList<string> Accounts() =>
        [.. Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith("/contract.json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^"/contract.json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Writes an account's embedded files into <paramref name="dir"/> and returns it.</summary>
    private static string Extract(string account, string dir)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var file in new[] { "usage.csv", "contract.json", "levers.json" })
        {
            using var resource = assembly.GetManifestResourceStream($"{Prefix}{account}/{file}")
                ?? throw new InvalidOperationException($"demo account {account} has no embedded {file}");
            AtomicFile.Write(Path.Combine(dir, file), resource.CopyTo);
        }
        return dir;
    }

}
