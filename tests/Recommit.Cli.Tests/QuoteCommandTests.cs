using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary><c>recommit quote</c> end to end on the Northwind demo account (a small number of paths keeps it quick).</summary>
public class QuoteCommandTests
{
    private static CliRun Quote(params string[] more) =>
        CliRun.Of(["quote", "--contract", Repository.PathOf("data", "demo", "northwind", "contract.json"),
            "--usage", Repository.PathOf("data", "demo", "northwind", "usage.csv"), "--paths", "200", .. more]);

    [Fact]
    public void Json_holds_the_fixed_fee_the_gainshare_windows_and_a_verdict_that_agrees_with_them()
    {
        var run = Quote("--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var q = doc.RootElement;
        var fixedFee = q.GetProperty("fixedFee").GetDecimal();
        Assert.True(fixedFee >= 18_000m, $"fixed fee {fixedFee} below the $18,000 floor");
        Assert.Equal(24, q.GetProperty("windowMonths").GetInt32());
        Assert.Equal([12, 24, 36], q.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("months").GetInt32()));
        var meanFee = q.GetProperty("gainshareWindow").GetProperty("fee").GetProperty("mean").GetDecimal();
        var favours = q.GetProperty("favours").GetString();
        Assert.Equal(meanFee < fixedFee ? "gainshare" : "fixed", favours);
        Assert.Contains(favours == "gainshare" ? "favour gainshare." : "favour the fixed fee.", q.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal("fees", Assert.Single(q.GetProperty("defaulted").EnumerateArray()).GetString());
    }

    [Fact]
    public void The_table_names_the_default_fee_terms_and_ends_with_the_verdict()
    {
        var run = Quote();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(default fee terms; set 'fees' in the assumptions file)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("12 months", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the numbers favour", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assumptions_file_sets_the_fee_terms()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assumptions-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "fees": { "fixedTiers": [ { "minAnnualCommit": 0, "fee": 25000 } ], "gainshareShare": 0.1, "gainshareWindowMonths": 12 } }""");
        try
        {
            var run = Quote("--assumptions", path, "--json");

            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            Assert.Equal(25_000m, doc.RootElement.GetProperty("fixedFee").GetDecimal());
            Assert.Equal(0.1m, doc.RootElement.GetProperty("share").GetDecimal());
            Assert.Equal(12, doc.RootElement.GetProperty("gainshareWindow").GetProperty("months").GetInt32());
            Assert.Empty(doc.RootElement.GetProperty("defaulted").EnumerateArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_stored_account_is_quoted_as_its_files_are_and_the_quote_is_stored()
    {
        var dir = Directory.CreateTempSubdirectory("recommit-quote-").FullName;
        try
        {
            var store = StoredDemo.Northwind(dir);

            var stored = CliRun.Of("quote", "--account", StoredDemo.Account, "--store", store, "--paths", "200", "--json");

            Assert.True(stored.ExitCode == 0, stored.Stderr);
            Assert.Equal(Quote("--json").Stdout, stored.Stdout);
            var (scenarios, quotes) = StoredDemo.Runs(store);
            Assert.Single(scenarios);
            Assert.Equal(stored.Stdout.TrimEnd(), Assert.Single(quotes));

            var table = CliRun.Of("quote", "--account", StoredDemo.Account, "--store", store, "--paths", "200");
            Assert.True(table.ExitCode == 0, table.Stderr);
            Assert.Contains("Quote for northwind: fixed fee", table.Stdout, StringComparison.Ordinal);
            Assert.Contains("the numbers favour", table.Stdout, StringComparison.Ordinal);
            Assert.EndsWith("Stored as scenario 2 and quote 2 of account northwind: the optimiser's packages.", table.Stdout.TrimEnd(), StringComparison.Ordinal);

            var both = CliRun.Of("quote", "--account", StoredDemo.Account, "--store", store, "--spend", "spend.csv");
            Assert.Equal(2, both.ExitCode);
            Assert.Equal("recommit: --account: the usage and contract come from the store; leave out --usage, --spend, --contract, --prices, --format, --future and --strict",
                both.Stderr.TrimEnd());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
