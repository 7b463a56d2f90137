using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Recommit.Contracts;

namespace Recommit.Cli.Tests;

/// <summary>
/// <c>recommit ledger</c> end to end on fixture files, and the contract file format it reads: the published JSON Schema
/// (data/schemas/contract.schema.json) against the loader.
/// </summary>
public class LedgerCommandTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "ledger");

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = RecommitCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Recommit.slnx) not found above the test binaries");
    }

    [Fact]
    public void Json_output_has_example_2_in_dollars_and_the_running_year()
    {
        var (exit, output, error) = Run("ledger", "--contract", Fixture("acme.json"), "--spend", Fixture("acme-spend.csv"), "--json");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("Acme", root.GetProperty("contract").GetString());
        Assert.Equal("2027-04", root.GetProperty("through").GetString());
        var periods = root.GetProperty("periods");
        Assert.Equal(2, periods.GetArrayLength());

        var year1 = periods[0];
        string[] keys = ["start", "end", "commitment", "carryIn", "listUsage", "consumedAtCommittedRates", "overageList", "overageBilled",
            "overagePremium", "shortfall", "carryOut", "forfeited", "bill"];
        Assert.All(keys, k => Assert.True(year1.TryGetProperty(k, out _), $"period key '{k}' missing"));
        Assert.Equal("2026-01", year1.GetProperty("start").GetString());
        Assert.Equal("2026-12", year1.GetProperty("end").GetString());
        Assert.Equal(2_013_000.00m, year1.GetProperty("listUsage").GetDecimal());
        Assert.Equal(513_000.00m, year1.GetProperty("overageList").GetDecimal());
        Assert.Equal(1_713_000.00m, year1.GetProperty("bill").GetDecimal());
        Assert.Equal(102_600.00m, year1.GetProperty("overagePremium").GetDecimal());
        Assert.True(year1.GetProperty("closed").GetBoolean());

        var year2 = periods[1];
        Assert.False(year2.GetProperty("closed").GetBoolean());
        Assert.Equal(360_000m, year2.GetProperty("listUsage").GetDecimal());
        Assert.Equal(912_000m, year2.GetProperty("remainingCommitment").GetDecimal());
        Assert.Equal(0m, year2.GetProperty("shortfall").GetDecimal());

        var months = root.GetProperty("months");
        Assert.Equal(16, months.GetArrayLength());
        Assert.Equal("2026-10", months[9].GetProperty("month").GetString());
        Assert.Equal(63_000m, months[9].GetProperty("overageList").GetDecimal());
        Assert.Equal(163_000m, months[9].GetProperty("bill").GetDecimal());
    }

    [Fact]
    public void Money_is_written_rounded_to_cents()
    {
        // A 3-month period of 100 paces 33.333… a month: written as 33.33.
        var dir = Directory.CreateTempSubdirectory("recommit-ledger-");
        try
        {
            var contract = Path.Combine(dir.FullName, "c.json");
            var spend = Path.Combine(dir.FullName, "s.csv");
            File.WriteAllText(contract, """{"name":"Thirds","start":"2026-01","periods":[{"months":3,"commitment":100}],"committedDiscount":0.1}""");
            File.WriteAllText(spend, "month,model,list_usd\n2026-01,haiku,10\n");

            var (exit, output, _) = Run("ledger", "--contract", contract, "--spend", spend, "--through", "2026-03", "--json");

            Assert.Equal(ExitCodes.Success, exit);
            using var doc = JsonDocument.Parse(output);
            var first = doc.RootElement.GetProperty("months")[0];
            Assert.Equal(33.33m, first.GetProperty("pace").GetDecimal());
            Assert.Equal(91.00m, doc.RootElement.GetProperty("periods")[0].GetProperty("shortfall").GetDecimal());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Example_3_carryover_flows_into_the_second_year()
    {
        var (exit, output, _) = Run("ledger", "--contract", Fixture("example3.json"), "--spend", Fixture("example3-spend.csv"), "--json");

        Assert.Equal(ExitCodes.Success, exit);
        using var doc = JsonDocument.Parse(output);
        var periods = doc.RootElement.GetProperty("periods");
        Assert.Equal(1320.00m, periods[0].GetProperty("shortfall").GetDecimal());
        Assert.Equal(240.00m, periods[0].GetProperty("carryOut").GetDecimal());
        Assert.Equal(1080.00m, periods[0].GetProperty("forfeited").GetDecimal());
        Assert.Equal(2400m, periods[0].GetProperty("bill").GetDecimal());
        Assert.Equal(240.00m, periods[1].GetProperty("carryIn").GetDecimal());
        Assert.Equal(1290.00m, periods[1].GetProperty("shortfall").GetDecimal());
    }

    [Fact]
    public void Through_limits_the_ledger_to_the_months_counted()
    {
        var (exit, output, _) = Run("ledger", "--contract", Fixture("acme.json"), "--spend", Fixture("acme-spend.csv"), "--through", "2026-06", "--json");

        Assert.Equal(ExitCodes.Success, exit);
        using var doc = JsonDocument.Parse(output);
        var p = Assert.Single(doc.RootElement.GetProperty("periods").EnumerateArray());
        Assert.False(p.GetProperty("closed").GetBoolean());
        Assert.Equal(803_000m, p.GetProperty("listUsage").GetDecimal());
        Assert.Equal(6, doc.RootElement.GetProperty("months").GetArrayLength());
    }

    [Fact]
    public void Tables_show_periods_then_months()
    {
        var (exit, output, _) = Run("ledger", "--contract", Fixture("acme.json"), "--spend", Fixture("acme-spend.csv"));

        Assert.Equal(ExitCodes.Success, exit);
        var golden = Fixture("acme.expected.txt");
        if (Environment.GetEnvironmentVariable("RECOMMIT_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(RepositoryRoot(), "tests", "Recommit.Cli.Tests", "fixtures", "ledger", "acme.expected.txt"), output);
        else
            Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings(), output.ReplaceLineEndings());
        Assert.Contains("$1,713,000.00", output, StringComparison.Ordinal);
        Assert.Contains("running 4/12", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("True-up periods", StringComparison.Ordinal) < output.IndexOf("Months", StringComparison.Ordinal));
    }

    // Needs the price book (CubePricing.MonthlyListUsd, PriceBook.Default) from the pricing branch: it fails in the ledger
    // worktree, where those are API stubs, and passes once the branches are merged. Example 1's usage ($69.00 a month).
    [Fact]
    public void Usage_csv_is_priced_through_the_price_book_before_the_ledger()
    {
        var (exit, output, error) = Run("ledger", "--contract", Fixture("usage-contract.json"), "--usage", Fixture("usage.csv"), "--through", "2026-03", "--json");

        Assert.True(exit == ExitCodes.Success, error);
        using var doc = JsonDocument.Parse(output);
        var p = doc.RootElement.GetProperty("periods")[0];
        Assert.Equal(207.00m, p.GetProperty("listUsage").GetDecimal());
        Assert.Equal(82.00m, p.GetProperty("overageList").GetDecimal());
        Assert.Equal(182.00m, p.GetProperty("bill").GetDecimal());
    }

    [Theory]
    [InlineData("negative-commitment.json", "periods[1].commitment: must be ≥ 0, found -5")]
    [InlineData("term-mismatch.json", "termMonths: must equal the sum of periods[].months (24), found 36")]
    [InlineData("discount-out-of-range.json", "committedDiscount: must be in [0, 1), found 1.2")]
    [InlineData("overage-above-committed.json", "overageDiscount: must not exceed committedDiscount")]
    [InlineData("carryover-fraction.json", "carryover.fraction: must be in [0, 1], found 2")]
    [InlineData("carryover-cap.json", "carryover.cap: must be in [0, 1], found 1.5")]
    [InlineData("unknown-field.json", "autoRenew: unknown field")]
    [InlineData("wrong-type.json", "periods[0].months: must be a number, found the string \"12\"")]
    [InlineData("start-mid-month.json", "start: must be the 1st of a month")]
    [InlineData("missing-start.json", "start: is required but missing")]
    [InlineData("empty-periods.json", "periods: must hold at least one period, found none")]
    [InlineData("truncated.json", "not valid JSON")]
    public void A_bad_contract_exits_2_with_one_line_naming_the_field(string file, string expected)
    {
        var path = Fixture(Path.Combine("invalid", file));

        var (exit, output, error) = Run("ledger", "--contract", path, "--spend", Fixture("acme-spend.csv"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"recommit: {path}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_contract_file_exits_2()
    {
        var (exit, _, error) = Run("ledger", "--contract", Fixture("no-such.json"), "--spend", Fixture("acme-spend.csv"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no-such.json: file not found", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--through", "2026-13" }, "--through: '2026-13' is not a month")]
    [InlineData(new string[0], "give exactly one of --usage FILE or --spend FILE")]
    public void Bad_options_exit_2(string[] extra, string expected)
    {
        string[] args = ["ledger", "--contract", Fixture("acme.json"), .. extra];
        if (extra.Length > 0) args = [.. args, "--spend", Fixture("acme-spend.csv")];

        var (exit, _, error) = Run(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_usage_and_spend_is_refused()
    {
        var (exit, _, error) = Run("ledger", "--contract", Fixture("acme.json"), "--spend", Fixture("acme-spend.csv"), "--usage", Fixture("usage.csv"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("exactly one of", error, StringComparison.Ordinal);
    }

    // ---- The published schema, data/schemas/contract.schema.json, against the loader ----

    private static JsonSchema Schema() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot(), "data", "schemas", "contract.schema.json")));

    private static bool SchemaAccepts(string json) =>
        Schema().Evaluate(JsonNode.Parse(json), new EvaluationOptions { ValidateAgainstMetaSchema = true }).IsValid;

    private static bool LoaderAccepts(string json)
    {
        try
        {
            ContractJson.Parse(json, "case.json");
            return true;
        }
        catch (ContractException)
        {
            return false;
        }
    }

    [Fact]
    public void Schema_accepts_the_documented_example_and_what_write_produces()
    {
        Assert.True(SchemaAccepts(File.ReadAllText(Fixture("acme.json"))));
        Assert.True(SchemaAccepts(ContractJson.Write(ContractJson.Parse(File.ReadAllText(Fixture("example3.json")), "example3.json"))));
    }

    [Theory]
    [InlineData("acme.json", true)]
    [InlineData("example3.json", true)]
    [InlineData("usage-contract.json", true)]
    [InlineData("invalid/negative-commitment.json", false)]
    [InlineData("invalid/discount-out-of-range.json", false)]
    [InlineData("invalid/carryover-fraction.json", false)]
    [InlineData("invalid/carryover-cap.json", false)]
    [InlineData("invalid/unknown-field.json", false)]
    [InlineData("invalid/wrong-type.json", false)]
    [InlineData("invalid/start-mid-month.json", false)]
    [InlineData("invalid/missing-start.json", false)]
    [InlineData("invalid/empty-periods.json", false)]
    public void Schema_and_loader_agree_on_fixture_files(string file, bool valid)
    {
        var json = File.ReadAllText(Fixture(file));

        Assert.Equal(valid, SchemaAccepts(json));
        Assert.Equal(valid, LoaderAccepts(json));
    }

    [Theory]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":0}],"committedDiscount":0}""", true)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12.0,"commitment":1}],"committedDiscount":0.2,"notes":"x"}""", true)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":120,"commitment":1}],"committedDiscount":0.99,"overageDiscount":0.99,"carryover":{"fraction":1,"cap":1},"billing":"prepaid","priceProtection":true}""", true)]
    [InlineData("""{"name":"","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", false)]
    [InlineData("""{"name":"A","start":"2026-1","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", false)]
    [InlineData("""{"name":"A","start":"2026-01-02","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":121,"commitment":1}],"committedDiscount":0.2}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12.5,"commitment":1}],"committedDiscount":0.2}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":1}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"overageDiscount":-0.1}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"billing":"monthly"}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"priceProtection":1}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"carryover":{"fraction":0.5}}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"termMonths":0}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"commitment":1}],"committedDiscount":0.2}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":"0.2"}""", false)]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"notes":5}""", false)]
    public void Schema_and_loader_agree_on_inline_cases(string json, bool valid)
    {
        Assert.Equal(valid, SchemaAccepts(json));
        Assert.Equal(valid, LoaderAccepts(json));
    }

    // Two rules relate fields to each other, which JSON Schema cannot state; the schema's description says so and the
    // loader enforces them.
    [Theory]
    [InlineData("invalid/term-mismatch.json")]
    [InlineData("invalid/overage-above-committed.json")]
    public void Cross_field_rules_are_enforced_by_the_loader_only(string file)
    {
        var json = File.ReadAllText(Fixture(file));

        Assert.True(SchemaAccepts(json));
        Assert.False(LoaderAccepts(json));
    }
}
