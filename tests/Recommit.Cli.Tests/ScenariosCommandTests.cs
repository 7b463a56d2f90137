using System.Text.Json;

namespace Recommit.Cli.Tests;

public sealed class ScenariosCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-scenarios-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) => Repository.PathOf("tests", "Recommit.Cli.Tests", "fixtures", "scenarios", name);

    private static string[] Example(int n, string asOf, params string[] extra) =>
        ["scenarios", "--spend", Fixture($"example{n}-spend.csv"), "--contract", Fixture($"example{n}-contract.json"),
         "--future", Fixture($"example{n}-future.csv"), "--as-of", asOf, .. extra];

    private static (JsonElement StatusQuo, JsonElement Scenario, JsonElement Root) Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        return (root.GetProperty("statusQuo"), root.GetProperty("scenarios")[0], root);
    }

    [Fact]
    public void Example_5_through_a_given_future_path_is_exact_to_the_cent()
    {
        var (sq, p, _) = Json(CliRun.Of(Example(5, "2027-01-01", "--scenarios", Fixture("example5-scenarios.json"), "--json")));

        Assert.Equal(5100.00m, sq.GetProperty("buyerCost").GetProperty("mean").GetDecimal());
        Assert.Equal(3855.00m, sq.GetProperty("vendorValue").GetProperty("mean").GetDecimal());
        Assert.Equal(4500.00m, p.GetProperty("buyerCost").GetProperty("mean").GetDecimal());
        Assert.Equal(4475.00m, p.GetProperty("vendorValue").GetProperty("p50").GetDecimal());
        Assert.Equal(600.00m, p.GetProperty("buyerSaving").GetDecimal());
        Assert.Equal(620.00m, p.GetProperty("vendorGain").GetDecimal());
        Assert.True(p.GetProperty("mutualGain").GetBoolean());
    }

    [Fact]
    public void Example_6_through_a_given_future_path_is_exact_to_the_cent()
    {
        var (sq, p, root) = Json(CliRun.Of(Example(6, "2026-07-01", "--scenarios", Fixture("example6-scenarios.json"), "--json")));

        Assert.Equal("2026-01", root.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal("2028-06", root.GetProperty("window").GetProperty("horizon").GetString());
        Assert.Equal(5160.00m, sq.GetProperty("buyerCost").GetProperty("mean").GetDecimal());
        Assert.Equal(4362.00m, sq.GetProperty("vendorValue").GetProperty("mean").GetDecimal());
        Assert.Equal(4650.00m, p.GetProperty("buyerCost").GetProperty("p90").GetDecimal());
        Assert.Equal(4537.50m, p.GetProperty("vendorValue").GetProperty("mean").GetDecimal());
        Assert.Equal(510.00m, p.GetProperty("buyerSaving").GetDecimal());
        Assert.Equal(175.50m, p.GetProperty("vendorGain").GetDecimal());
        Assert.Equal(0.0, p.GetProperty("probabilityWorseOff").GetDouble());
        Assert.Equal("accept", root.GetProperty("verdicts")[0].GetProperty("verdict").GetString());
        foreach (var key in new[] { "zone", "frontier", "recommendation", "assumptions" }) Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal("do-not-open", root.GetProperty("recommendation").GetProperty("action").GetString());
    }

    [Fact]
    public void Without_a_scenarios_file_the_optimisers_packages_are_listed_on_a_table()
    {
        var run = CliRun.Of("scenarios", "--usage", Repository.PathOf("data", "demo", "northwind", "usage.csv"), "--contract",
            Repository.PathOf("data", "demo", "northwind", "contract.json"), "--paths", "200", "--out", _dir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("status quo", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("/yr ×", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Defaults used:", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("# Negotiation brief: Northwind Traders", File.ReadAllText(Path.Combine(_dir, "brief.md")), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "negotiation.json")));
        Assert.True(doc.RootElement.GetProperty("scenarios").GetArrayLength() > 0);
    }

    [Fact]
    public void A_bad_scenarios_file_exits_2_with_one_line_naming_the_file_and_field()
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, """{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12}], "committedDiscount": 0.2}]}""");

        var run = CliRun.Of(Example(5, "2027-01-01", "--scenarios", bad));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("recommit:", StringComparison.Ordinal));
        Assert.Contains($"{bad}: packages[0].periods[0].commitment: is required but missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_starting_before_the_as_of_month_is_refused()
    {
        var early = Path.Combine(_dir, "early.json");
        File.WriteAllText(early, """{"packages": [{"name": "Early", "start": "2026-06", "periods": [{"months": 12, "commitment": 1000}], "committedDiscount": 0.2}]}""");

        var run = CliRun.Of(Example(5, "2027-01-01", "--scenarios", early));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("package Early: start 2026-06 must fall from the as-of month 2027-01", run.Stderr, StringComparison.Ordinal);
    }
}
