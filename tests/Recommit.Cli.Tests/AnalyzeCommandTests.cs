using System.Text.Json;

namespace Recommit.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-analyze-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Demo(string account, string file) => Repository.PathOf("data", "demo", account, file);

    private static string[] AnalyzeDemo(string account, params string[] extra) =>
        ["analyze", "--usage", Demo(account, "usage.csv"), "--contract", Demo(account, "contract.json"), "--levers", Demo(account, "levers.json"), .. extra];

    [Fact]
    public void Analysis_json_of_a_demo_account_matches_the_golden_file()
    {
        var run = CliRun.Of(AnalyzeDemo("northwind", "--paths", "400", "--seed", "7", "--json"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var golden = Path.Combine(Repository.Root, "tests", "Recommit.Cli.Tests", "golden", "analysis-northwind.json");
        // The input file's path names the checkout; the golden file holds it relative to the repository.
        var actual = run.Stdout.Replace(Repository.Root.TrimEnd('/') + "/", "<repo>/", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("RECOMMIT_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, actual);
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void The_same_seed_gives_the_same_analysis_and_another_seed_does_not()
    {
        var a = CliRun.Of(AnalyzeDemo("contoso", "--paths", "300", "--seed", "3", "--json"));
        var b = CliRun.Of(AnalyzeDemo("contoso", "--paths", "300", "--seed", "3", "--json"));
        var c = CliRun.Of(AnalyzeDemo("contoso", "--paths", "300", "--seed", "4", "--json"));
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.NotEqual(a.Stdout, c.Stdout);
    }

    [Fact]
    public void Analysis_json_carries_the_figures_the_issue_names()
    {
        var run = CliRun.Of(AnalyzeDemo("northwind", "--paths", "300", "--json"));
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("durable-overage", root.GetProperty("gap").GetProperty("class").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("gap").GetProperty("sentence").GetString()));
        var period = root.GetProperty("ledger").GetProperty("periods")[0];
        foreach (var key in new[] { "start", "end", "commitment", "carryIn", "listUsage", "consumedAtCommittedRates", "overageList", "overageBilled", "overagePremium", "shortfall", "carryOut", "forfeited", "bill" })
            Assert.True(period.TryGetProperty(key, out _), $"ledger period lacks {key}");
        var codn = root.GetProperty("costOfDoingNothing");
        var (p10, p50, p90) = (codn.GetProperty("p10").GetDecimal(), codn.GetProperty("p50").GetDecimal(), codn.GetProperty("p90").GetDecimal());
        Assert.True(p10 <= p50 && p50 <= p90 && p50 > 0, $"{p10} {p50} {p90}");
        var levers = root.GetProperty("levers");
        Assert.True(levers.GetProperty("afterBatch").GetDecimal() < levers.GetProperty("baseline").GetDecimal());
        Assert.True(root.GetProperty("forecast").GetProperty("months").GetArrayLength() > 12);
    }

    [Fact]
    public void Analyze_writes_the_report_files()
    {
        var run = CliRun.Of(AnalyzeDemo("fabrikam", "--paths", "200", "--out", _dir));
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var file in new[] { "report.html", "report.md", "analysis.json", "burn-down.svg", "gap.svg", "levers.svg", "cost-of-doing-nothing.svg" })
            Assert.True(File.Exists(Path.Combine(_dir, file)), file);
        Assert.Contains("Verdict: seasonal", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("22,824 rows read, 22,824 accepted, 0 rejected", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_workspace_names_are_escaped_in_the_html_report()
    {
        const string hostile = "<script>alert(1)</script>";
        var usage = Path.Combine(_dir, "usage.csv");
        File.WriteAllText(usage, File.ReadAllText(Demo("northwind", "usage.csv")).Replace("support-assistant", hostile, StringComparison.Ordinal));
        var outDir = Path.Combine(_dir, "out");
        var run = CliRun.Of("analyze", "--usage", usage, "--contract", Demo("northwind", "contract.json"), "--paths", "100", "--out", outDir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spend_table_alone_is_analysed_on_an_assumed_token_mix()
    {
        var spend = Path.Combine(_dir, "spend.csv");
        var rows = Enumerable.Range(0, 14).Select(i => $"{new DateOnly(2025, 10, 1).AddMonths(i):yyyy-MM},sonnet,{100_000 + 5_000 * i}");
        File.WriteAllLines(spend, ["month,model,list_usd", .. rows]);
        var run = CliRun.Of("analyze", "--spend", spend, "--contract", Demo("northwind", "contract.json"), "--paths", "200", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.True(doc.RootElement.GetProperty("levers").GetProperty("assumedTokenMix").GetBoolean());
    }

    [Fact]
    public void Usage_and_spend_together_is_bad_input()
    {
        var run = CliRun.Of("analyze", "--usage", Demo("northwind", "usage.csv"), "--spend", "x.csv", "--contract", Demo("northwind", "contract.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("either --usage", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_contract_exits_2_naming_the_field()
    {
        var contract = Path.Combine(_dir, "contract.json");
        File.WriteAllText(contract, File.ReadAllText(Demo("northwind", "contract.json")).Replace("\"committedDiscount\": 0.20", "\"committedDiscount\": 1.50", StringComparison.Ordinal));
        var run = CliRun.Of("analyze", "--usage", Demo("northwind", "usage.csv"), "--contract", contract);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("committedDiscount", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_usage_file_exits_2_naming_it()
    {
        var run = CliRun.Of("analyze", "--usage", Path.Combine(_dir, "nope.csv"), "--contract", Demo("northwind", "contract.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.csv", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var run = CliRun.Of("analyze", "--contract", "c.json", "--frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frobnicate", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_runs_one_account_and_writes_its_inputs_and_report()
    {
        var run = CliRun.Of("demo", "--account", "contoso", "--paths", "200", "--out", _dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Verdict: durable-shortfall", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "contoso", "report.html")));
        Assert.True(File.Exists(Path.Combine(_dir, "contoso", "input", "usage.csv")));
    }

    [Fact]
    public void Demo_rejects_an_account_it_does_not_have()
    {
        var run = CliRun.Of("demo", "--account", "initech", "--out", _dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("northwind", run.Stderr, StringComparison.Ordinal);
    }
}

public sealed class SecretRedactionTests
{
    [Fact]
    public void A_key_typed_as_a_stray_argument_is_not_echoed()
    {
        const string key = "sk-ant-admin01-AbCdEf0123456789_secret";
        var run = CliRun.Of("price", key);
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(key, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sk-ant-[redacted]", run.Stderr, StringComparison.Ordinal);
    }
}

public sealed class LedgerGapTests
{
    [Theory]
    [InlineData("northwind", "durable-overage")]
    [InlineData("contoso", "durable-shortfall")]
    [InlineData("fabrikam", "seasonal")]
    public void Ledger_shows_the_gap_verdict_of_each_demo_account(string account, string expected)
    {
        var run = CliRun.Of("ledger", "--contract", Repository.PathOf("data", "demo", account, "contract.json"),
            "--usage", Repository.PathOf("data", "demo", account, "usage.csv"), "--through", "2026-10", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal(expected, doc.RootElement.GetProperty("gap").GetProperty("class").GetString());
    }
}
