using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary>
/// Nothing is left out without saying so (issue 15.1): every output that rests on imported usage states each file's
/// rows read, accepted and rejected; a rejected share above 1 % heads the report as a warning; --strict refuses.
/// </summary>
public sealed class InputReconciliationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-reconcile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Contract => Repository.PathOf("data", "demo", "contoso", "contract.json");

    /// <summary>contoso's usage with <paramref name="bad"/> copies of its last row appended, their token count not a number.</summary>
    private string UsageWithBadRows(int bad)
    {
        var path = Path.Combine(_dir, $"usage-{bad}.csv");
        var lines = File.ReadAllLines(Repository.PathOf("data", "demo", "contoso", "usage.csv")).ToList();
        var fields = lines[^1].Split(',');
        fields[3] = "lots";
        for (var i = 0; i < bad; i++) lines.Add(string.Join(',', fields));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Rejected_rows_above_one_percent_head_every_report_with_a_warning_and_the_counts()
    {
        var usage = UsageWithBadRows(300);
        var outDir = Path.Combine(_dir, "report");

        var run = CliRun.Of("analyze", "--usage", usage, "--contract", Contract, "--paths", "200", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var warning = "usage-300.csv: 300 of 16,500 rows (1.8%) were rejected and are not in any figure below";
        Assert.Contains(warning, md, StringComparison.Ordinal);
        Assert.Contains(warning, html, StringComparison.Ordinal);
        Assert.True(md.IndexOf(warning, StringComparison.Ordinal) < md.IndexOf("> Usage has run", StringComparison.Ordinal), "the warning comes before the verdict sentence");
        Assert.Contains("usage-300.csv (usage): 16,500 rows read, 16,200 accepted, 300 rejected", md, StringComparison.Ordinal);
        Assert.Contains("Input: usage-300.csv (usage): 16,500 rows read, 16,200 accepted, 300 rejected", run.Stdout, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "analysis.json")));
        var input = json.RootElement.GetProperty("inputs")[0];
        Assert.Equal(16_500, input.GetProperty("rowsRead").GetInt64());
        Assert.Equal(16_200, input.GetProperty("accepted").GetInt64());
        Assert.Equal(300, input.GetProperty("rejected").GetInt64());
        Assert.Equal(JsonValueKind.Null, input.GetProperty("rejectedListUsd").ValueKind);
    }

    [Fact]
    public void Rejected_rows_below_one_percent_are_counted_without_a_warning()
    {
        var outDir = Path.Combine(_dir, "report");

        var run = CliRun.Of("analyze", "--usage", UsageWithBadRows(10), "--contract", Contract, "--paths", "200", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.DoesNotContain("**Warning:**", md, StringComparison.Ordinal);
        Assert.Contains("usage-10.csv (usage): 16,210 rows read, 16,200 accepted, 10 rejected", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("ledger")]
    [InlineData("price")]
    public void Strict_refuses_rejected_rows_on_every_verb_that_reads_usage(string verb)
    {
        var usage = UsageWithBadRows(1);
        string[] args = verb switch
        {
            "analyze" => ["analyze", "--usage", usage, "--contract", Contract, "--paths", "200", "--out", Path.Combine(_dir, "report"), "--strict"],
            "ledger" => ["ledger", "--usage", usage, "--contract", Contract, "--strict"],
            _ => ["price", "--usage", usage, "--strict"],
        };

        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("usage-1.csv: --strict: 1 row(s) rejected; first: ", line, StringComparison.Ordinal);
        Assert.Contains(":16202: tokens: 'lots' is not a number", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "report")));
    }

    [Fact]
    public void Ledger_and_price_state_the_reconciliation_in_their_output()
    {
        var usage = UsageWithBadRows(2);

        var ledger = CliRun.Of("ledger", "--usage", usage, "--contract", Contract, "--json");
        var price = CliRun.Of("price", "--usage", usage);

        Assert.Equal(0, ledger.ExitCode);
        using var doc = JsonDocument.Parse(ledger.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("inputs")[0].GetProperty("rejected").GetInt64());
        Assert.Equal(0, price.ExitCode);
        Assert.Contains("Input: usage-2.csv (usage): 16,202 rows read, 16,200 accepted, 2 rejected", price.Stdout, StringComparison.Ordinal);
        Assert.Contains("the total leaves the rejected rows out", price.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Spend_rows_refused_for_their_month_still_state_the_dollars_they_were_worth()
    {
        var spend = Path.Combine(_dir, "spend.csv");
        File.WriteAllLines(spend, ["month,model,list_usd", "2026-01,sonnet,1000", "2026-02,sonnet,1200", "2026-13,sonnet,500.25", "2026-03,sonnet,1100"]);
        var contract = Path.Combine(_dir, "contract.json");
        File.WriteAllText(contract, """{"name":"Spend","start":"2026-01","periods":[{"months":12,"commitment":12000}],"committedDiscount":0.2}""");

        var run = CliRun.Of("ledger", "--spend", spend, "--contract", contract, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var input = doc.RootElement.GetProperty("inputs")[0];
        Assert.Equal(1, input.GetProperty("rejected").GetInt64());
        Assert.Equal(500.25m, input.GetProperty("rejectedListUsd").GetDecimal());
    }
}
