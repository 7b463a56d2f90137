using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary>
/// One answer per question (issue 15.3): every verb counts months through the last complete month unless told
/// otherwise, and ledger and analyze project the current period's end the same way and say how.
/// </summary>
public class OneAnswerTests
{
    private static string Demo(string account, string file) => Repository.PathOf("data", "demo", account, file);

    [Theory]
    [InlineData("contoso")]
    [InlineData("northwind")]
    public void Ledger_and_analyze_count_the_same_months_and_project_the_same_position(string account)
    {
        var ledger = CliRun.Of("ledger", "--contract", Demo(account, "contract.json"), "--usage", Demo(account, "usage.csv"), "--json");
        var analyze = CliRun.Of("analyze", "--contract", Demo(account, "contract.json"), "--usage", Demo(account, "usage.csv"),
            "--levers", Demo(account, "levers.json"), "--json");

        Assert.True(ledger.ExitCode == 0, ledger.Stderr);
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        using var l = JsonDocument.Parse(ledger.Stdout);
        using var a = JsonDocument.Parse(analyze.Stdout);
        // The demo usage runs to 2026-11-24: November is partial, so both count through October.
        Assert.Equal("2026-10", l.RootElement.GetProperty("through").GetString());
        Assert.Contains("2026-11 is partial and not counted", l.RootElement.GetProperty("cutoff").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-10", l.RootElement.GetProperty("months").EnumerateArray().Last().GetProperty("month").GetString());
        var lGap = l.RootElement.GetProperty("gap");
        var aGap = a.RootElement.GetProperty("gap");
        Assert.Equal(aGap.GetProperty("evidence").GetProperty("months").GetArrayLength(), lGap.GetProperty("months").GetArrayLength());
        Assert.Equal(aGap.GetProperty("evidence").GetProperty("projectedPeriodEndPosition").GetDecimal(), lGap.GetProperty("projectedPeriodEndPosition").GetDecimal());
        Assert.Equal(aGap.GetProperty("sentence").GetString(), lGap.GetProperty("sentence").GetString());
        Assert.Contains("before levers, as in recommit analyze", lGap.GetProperty("projection").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_last_month_is_not_counted_as_a_full_month_by_the_ledger()
    {
        // Usage to 2026-03-15: March is partial.
        var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "ledger");

        var run = CliRun.Of("ledger", "--contract", Path.Combine(fixtures, "usage-contract.json"), "--usage", Path.Combine(fixtures, "usage.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("ledger through 2026-02, the last complete month (usage runs to 2026-03-15; 2026-03 is partial and not counted)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Only 2 full months of usage", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_names_the_months_it_counted_in_its_notes()
    {
        var run = CliRun.Of("analyze", "--contract", Demo("fabrikam", "contract.json"), "--usage", Demo("fabrikam", "usage.csv"), "--paths", "200", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("notes").EnumerateArray(), n =>
            n.GetString()!.StartsWith("Full months counted through 2026-10, the last complete month (usage runs to 2026-11-24; 2026-11 is partial and not counted)", StringComparison.Ordinal));
    }
}
