using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary>
/// <c>recommit verify</c> end to end on docs/method.md Example 7 in dollars (k$ × 1,000): the old contract of 1,200,000 a
/// year, the package signed for 2026-07, usage 200,000 a month then 220,000 from the signing month. Both contract names
/// are hostile (markup, quotes, an escape sequence).
/// </summary>
public class VerifyCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "fees", name);

    private static CliRun Verify(params string[] more) =>
        CliRun.Of(["verify", "--old", Fixture("old.json"), "--new", Fixture("new.json"), "--spend", Fixture("spend.csv"), .. more]);

    [Fact]
    public void Json_gives_example_7_over_12_months_with_no_fee()
    {
        var run = Verify("--from", "2026-07", "--to", "2027-06", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        var months = root.GetProperty("months");
        Assert.Equal(12, months.GetArrayLength());
        string[] keys = ["month", "listUsage", "oldBill", "newBill", "savings", "cumulative", "fee"];
        Assert.All(keys, k => Assert.True(months[0].TryGetProperty(k, out _), $"month key '{k}' missing"));
        Assert.Equal("2026-07", months[0].GetProperty("month").GetString());
        Assert.Equal(600_000.00m, months[0].GetProperty("newBill").GetDecimal());   // pace 150,000 + the stub's 450,000
        Assert.Equal(450_000.00m, root.GetProperty("stubTrueUp").GetDecimal());
        var totals = root.GetProperty("totals");
        Assert.Equal(2_220_000.00m, totals.GetProperty("oldBill").GetDecimal());
        Assert.Equal(2_430_000.00m, totals.GetProperty("newBill").GetDecimal());
        Assert.Equal(-210_000.00m, totals.GetProperty("savings").GetDecimal());
        Assert.Equal(0m, totals.GetProperty("fee").GetDecimal());
        Assert.Equal(-210_000.00m, months[11].GetProperty("cumulative").GetDecimal());
    }

    [Fact]
    public void A_24_month_window_saves_606_000_and_the_share_sets_the_fee()
    {
        var run = Verify("--from", "2026-07", "--to", "2028-06", "--share", "0.2", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var totals = doc.RootElement.GetProperty("totals");
        Assert.Equal(606_000.00m, totals.GetProperty("savings").GetDecimal());
        Assert.Equal(121_200.00m, totals.GetProperty("fee").GetDecimal());   // 20 % of 606,000
        Assert.Equal(0.2m, doc.RootElement.GetProperty("share").GetDecimal());
    }

    [Fact]
    public void Hostile_contract_names_come_back_exactly_in_json_and_without_control_characters_in_the_table()
    {
        var json = Verify("--from", "2026-07", "--to", "2026-08", "--json");
        var table = Verify("--from", "2026-07", "--to", "2026-08");

        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal("Northwind <script>alert('old')</script> & \"Co\"", doc.RootElement.GetProperty("oldContract").GetString());
        Assert.Equal("Northwind package \u001b[31mred\u001b[0m <b>bold</b>", doc.RootElement.GetProperty("newContract").GetString());
        Assert.Equal(0, table.ExitCode);
        Assert.DoesNotContain('\u001b', table.Stdout);
        Assert.Contains("Northwind package  [31mred", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_ends_with_a_sentence_that_agrees_with_the_total()
    {
        var twelve = Verify("--from", "2026-07", "--to", "2027-06");
        var twentyFour = Verify("--from", "2026-07", "--to", "2028-06");

        Assert.Contains("Verified savings over the window are -$210,000.00, not above zero, so a 25% gainshare fee on this window is $0.00.",
            twelve.Stdout, StringComparison.Ordinal);
        Assert.Contains("stub's true-up of $450,000.00", twelve.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verified savings over the window are $606,000.00; a 25% gainshare fee on them is $151,500.00.",
            twentyFour.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_holds_one_row_a_month_in_plain_dollars()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.csv");
        try
        {
            var run = Verify("--from", "2026-07", "--to", "2026-08", "--csv", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(
                "month,list_usage,old_bill,new_bill,savings,cumulative,fee\n" +
                "2026-07,220000.00,100000.00,600000.00,-500000.00,-500000.00,0.00\n" +
                "2026-08,220000.00,240000.00,150000.00,90000.00,-410000.00,0.00\n",
                File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--from", "2026-13", "--from: '2026-13' is not a month")]
    [InlineData("--from", "2025-12", "--from: 2025-12 is before the old contract's start 2026-01")]
    [InlineData("--share", "1.5", "--share: must be between 0 and 1, found 1.5")]
    [InlineData("--to", "2026-01", "--to: 2026-01 is before --from 2026-07")]
    public void Bad_options_exit_2_with_one_line_naming_the_option(string option, string value, string message)
    {
        string[] args = option == "--from" ? ["--from", value] : ["--from", "2026-07", option, value];

        var run = Verify(args);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("recommit:", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_new_contract_that_starts_before_the_old_one_is_bad_input_naming_the_file()
    {
        var run = CliRun.Of("verify", "--old", Fixture("new.json"), "--new", Fixture("old.json"), "--spend", Fixture("spend.csv"), "--from", "2026-07");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("old.json: start: the new contract must start on or after the old one (2026-07), found 2026-01", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_account_is_verified_from_its_stored_versions_and_usage_and_the_run_is_stored()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("recommit-verify-").FullName, "recommit.db");
        Assert.Equal(0, CliRun.Of("accounts", "add", "example-7", "--contract", Fixture("old.json"), "--store", store).ExitCode);
        Assert.Equal(0, CliRun.Of("accounts", "contract", "example-7", Fixture("new.json"), "--label", "signed", "--store", store).ExitCode);
        var import = CliRun.Of("import", Fixture("spend.csv"), "--account", "example-7", "--store", store);
        Assert.True(import.ExitCode == 0, import.Stderr);

        var run = CliRun.Of("verify", "--account", "example-7", "--store", store, "--from", "2026-07", "--to", "2027-06", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var totals = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("totals");
        Assert.Equal(2_220_000.00m, totals.GetProperty("oldBill").GetDecimal());
        Assert.Equal(2_430_000.00m, totals.GetProperty("newBill").GetDecimal());
        Assert.Equal(-210_000.00m, totals.GetProperty("savings").GetDecimal());
        Assert.Contains("contract v1 → v2", run.Stderr, StringComparison.Ordinal);

        // The same run as a table, stored again: the sentence agrees with the total beside it.
        var table = CliRun.Of("verify", "--account", "example-7", "--store", store, "--old", "1", "--new", "2", "--from", "2026-07", "--to", "2027-06");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("Verified savings over the window are -$210,000.00", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Stored as verify run 2 of account example-7", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_account_with_one_contract_version_or_a_bad_version_is_bad_input()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("recommit-verify-").FullName, "recommit.db");
        Assert.Equal(0, CliRun.Of("accounts", "add", "single", "--contract", Fixture("old.json"), "--store", store).ExitCode);
        var one = CliRun.Of("verify", "--account", "single", "--store", store, "--from", "2026-07");
        Assert.Equal(2, one.ExitCode);
        Assert.Contains("--old: account single has 1 contract version(s)", one.Stderr, StringComparison.Ordinal);
        var bad = CliRun.Of("verify", "--account", "single", "--store", store, "--old", "first", "--from", "2026-07");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--old: with --account", bad.Stderr, StringComparison.Ordinal);
    }
}
