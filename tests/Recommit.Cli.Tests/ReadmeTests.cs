using System.Text.RegularExpressions;

namespace Recommit.Cli.Tests;

[CollectionDefinition(nameof(ReadmeTests), DisableParallelization = true)]
public sealed class ReadmeCollection;

/// <summary>
/// Runs every <c>recommit …</c> line of the README's shell examples, so the README cannot drift from the tool. Lines
/// that need the internet (<c>import anthropic</c>) are only parsed, not run. Paths into the repository are resolved
/// from its root; outputs land in a temporary folder.
/// </summary>
[Collection(nameof(ReadmeTests))]
public sealed partial class ReadmeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-readme-").FullName;


    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var line in ExampleLines().Where(l => !UsesStore(l))) data.Add(line);
        return data;
    }

    /// <summary>Store examples build on each other (add an account, import into it, analyse it), so they run in order.</summary>
    private static bool UsesStore(string line) =>
        line.Split(' ')[1] is "accounts" or "store" or "users" || (line.Split(' ')[1] is "import" or "analyze" or "verify" or "scenarios" or "quote" && line.Contains(" --account ", StringComparison.Ordinal));

    [Fact]
    public void The_store_examples_run_in_order_on_one_new_store()
    {
        var store = Path.Combine(_dir, "recommit.db");
        var lines = ExampleLines().Where(UsesStore).ToList();
        Assert.True(lines.Count >= 5, $"only {lines.Count} store examples found");
        foreach (var line in lines)
        {
            var run = CliRun.Of([.. Arguments(line), "--store", store]);
            Assert.True(run.ExitCode == 0, $"{line}\n{run.Stderr}");
        }
    }

    private static IEnumerable<string> ExampleLines()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        foreach (Match block in ShellBlock().Matches(readme))
            foreach (var raw in block.Groups[1].Value.Split('\n'))
            {
                var line = raw.Split('#')[0].Trim();
                if (line.StartsWith("recommit ", StringComparison.Ordinal)) yield return line;
            }
    }

    [Fact]
    public void The_readme_has_examples_for_every_verb()
    {
        var verbs = ExampleLines().Select(l => l.Split(' ')[1]).ToHashSet();
        foreach (var verb in new[] { "analyze", "demo", "import", "forecast", "price", "prices", "ledger", "scenarios", "quote", "verify", "export" }) Assert.Contains(verb, verbs);
    }

    [Fact]
    public void The_readme_starts_with_the_two_commands()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var first = ShellBlock().Match(readme).Groups[1].Value;
        Assert.Contains("dotnet run --project src/Recommit.Cli -c Release -- demo", first, StringComparison.Ordinal);
        Assert.Contains("scripts/test", first, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.PathOf("scripts", "test")));
        Assert.Contains("scripts/test", File.ReadAllText(Repository.PathOf(".ci", "run")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Readme_example_runs(string line)
    {
        var args = Arguments(line);
        if (line.StartsWith("recommit import anthropic", StringComparison.Ordinal) || line.StartsWith("recommit import clickhouse", StringComparison.Ordinal)
            || line.StartsWith("recommit serve", StringComparison.Ordinal))
        {
            // Needs the internet and a key, a ClickHouse server of the reader's, or runs until stopped: check only that the options parse.
            Assert.Empty(RecommitCli.BuildRoot().Parse(args).Errors);
            return;
        }
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"{line}\n{run.Stderr}");
    }

    /// <summary>The line's arguments with repository paths resolved and outputs sent to the temporary folder.</summary>
    private string[] Arguments(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(a => a.StartsWith("data/", StringComparison.Ordinal) || a.StartsWith("tests/", StringComparison.Ordinal) || a.StartsWith("docs/", StringComparison.Ordinal)
                ? Repository.PathOf(a.Split('/'))
                : a.StartsWith("out/", StringComparison.Ordinal) || a is "usage.csv" or "pages/" ? Path.Combine(_dir, a) : a)
            .ToArray();

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
