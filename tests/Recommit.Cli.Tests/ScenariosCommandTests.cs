using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Recommit.Negotiation;

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
    public void The_brief_shows_simulated_figures_to_three_significant_figures_and_a_given_path_to_the_cent()
    {
        var simulated = CliRun.Of("scenarios", "--usage", Repository.PathOf("data", "demo", "northwind", "usage.csv"), "--contract",
            Repository.PathOf("data", "demo", "northwind", "contract.json"), "--paths", "200", "--out", _dir);
        Assert.True(simulated.ExitCode == 0, simulated.Stderr);
        var brief = File.ReadAllText(Path.Combine(_dir, "brief.md"));
        // Every dollar figure of the numbers, the account team's framing and the packages' simulated columns.
        foreach (var title in new[] { "## The numbers", "## For the account team" })
            AtMostThreeSignificantFigures(Section(brief, title));
        var rows = Section(brief, "## Packages side by side").Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.NotEmpty(rows);
        foreach (var cells in rows.Select(r => r.Split('|')))
            foreach (var column in new[] { 5, 6, 7, 8, 11 }) AtMostThreeSignificantFigures(cells[column]);
        AtMostThreeSignificantFigures(simulated.Stdout.Split('\n').First(l => l.Contains("│ status quo", StringComparison.Ordinal)));

        var exact = Path.Combine(_dir, "exact");
        var given = CliRun.Of(Example(6, "2026-07-01", "--scenarios", Fixture("example6-scenarios.json"), "--out", exact));
        Assert.True(given.ExitCode == 0, given.Stderr);
        var exactBrief = File.ReadAllText(Path.Combine(exact, "brief.md"));
        Assert.Contains("| $5,160.00 |", exactBrief, StringComparison.Ordinal);
        Assert.Contains("the buyer saves $510.00 and the vendor gains $175.50", exactBrief, StringComparison.Ordinal);
    }

    /// <summary>Every dollar figure in <paramref name="text"/> has at most three significant digits ($805,000, $56.20; not $1,040,708.00).</summary>
    private static void AtMostThreeSignificantFigures(string text)
    {
        var figures = System.Text.RegularExpressions.Regex.Matches(text, @"\$[0-9][0-9,]*(\.[0-9]+)?").Select(m => m.Value).ToList();
        foreach (var figure in figures)
            Assert.True(figure.Where(char.IsDigit).SkipWhile(c => c == '0').Reverse().SkipWhile(c => c == '0').Count() <= 3, $"{figure} in: {text}");
    }

    private static string Section(string markdown, string title)
    {
        var start = markdown.IndexOf(title, StringComparison.Ordinal);
        Assert.True(start >= 0, title);
        var end = markdown.IndexOf("\n## ", start + title.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>Fabrikam's usage under a one-year contract from 2026-05: six months remain at the default as-of date (2026-11).</summary>
    private string OneYearContract()
    {
        var path = Path.Combine(_dir, "one-year.json");
        File.WriteAllText(path, """
            {"name":"One year","start":"2026-05","periods":[{"months":12,"commitment":1000000}],"committedDiscount":0.20,"overageDiscount":0.0}
            """);
        return path;
    }

    [Fact]
    public void A_short_contracts_plus_24_month_extension_is_valued_the_window_reaching_its_end()
    {
        var run = CliRun.Of("scenarios", "--usage", Repository.PathOf("data", "demo", "fabrikam", "usage.csv"), "--contract", OneYearContract(),
            "--paths", "100", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        // 6 months remain; the term plus one more term would end in 2027-10, the +24 extension in 2029-04.
        Assert.Equal("2029-04", root.GetProperty("window").GetProperty("horizon").GetString());
        Assert.Equal(0, root.GetProperty("extensionsNotTried").GetArrayLength());
    }

    [Fact]
    public void A_given_path_too_short_for_an_extension_says_which_was_not_tried_and_why()
    {
        var future = Path.Combine(_dir, "future.csv");
        File.WriteAllLines(future, ["month,model,list_usd", .. Enumerable.Range(0, 18).Select(m => $"{new DateOnly(2026, 11, 1).AddMonths(m):yyyy-MM},sonnet,100000")]);
        var run = CliRun.Of("scenarios", "--usage", Repository.PathOf("data", "demo", "fabrikam", "usage.csv"), "--contract", OneYearContract(),
            "--future", future, "--out", Path.Combine(_dir, "out"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        const string reason = "+24 months (30 months, to 2029-04) would end after the window's last month 2028-04, where the given path stops";
        Assert.Contains("Term extensions not tried: " + reason + ".", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not tried: " + reason, File.ReadAllText(Path.Combine(_dir, "out", "brief.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_given_in_tokens_is_priced_at_list_and_shown_by_kind_with_its_dollars_in_the_json_table_and_brief()
    {
        string[] args = ["scenarios", "--usage", Repository.PathOf("data", "demo", "northwind", "usage.csv"), "--contract",
            Repository.PathOf("data", "demo", "northwind", "contract.json"), "--scenarios", Repository.PathOf("docs", "examples", "scenarios.json"), "--paths", "100"];

        var json = CliRun.Of([.. args, "--json"]);
        Assert.True(json.ExitCode == 0, json.Stderr);
        var scenario = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("scenarios")[2];
        var c = scenario.GetProperty("consolidation");
        var haiku = c.GetProperty("families")[1];
        Assert.Equal(1_500_000_000, haiku.GetProperty("monthlyTokens").GetProperty("input").GetInt64());
        Assert.Equal(120_000_000, haiku.GetProperty("monthlyTokens").GetProperty("output").GetInt64());
        Assert.Equal(0, haiku.GetProperty("monthlyTokens").GetProperty("cacheRead").GetInt64());
        // At Haiku 4.5's list prices ($1 input, $5 output a million): 1,500 + 600 = 2,100 a month, beside Sonnet's 12,000.
        Assert.Equal("claude-haiku-4-5", haiku.GetProperty("model").GetString());
        Assert.Equal(2_100.00m, haiku.GetProperty("monthlyListUsd").GetDecimal());
        Assert.Equal(14_100.00m, c.GetProperty("monthlyListUsd").GetDecimal());
        Assert.Equal("given", haiku.GetProperty("tokensFrom").GetString());
        // Sonnet was given in dollars: its tokens are estimated at Northwind's own Sonnet mix, scaled to $12,000 of list.
        var sonnet = c.GetProperty("families")[0];
        Assert.Equal("account-mix", sonnet.GetProperty("tokensFrom").GetString());
        var sonnetInput = sonnet.GetProperty("monthlyTokens").GetProperty("input").GetInt64();
        Assert.True(sonnetInput > 0);
        Assert.Equal(1_500_000_000 + sonnetInput, c.GetProperty("monthlyTokens").GetProperty("input").GetInt64());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("scenarios")[0].GetProperty("consolidation").ValueKind);

        const string words = "haiku: 1.5 B input, 120 M output tokens on claude-haiku-4-5 = $2,100.00 list) from 2027-01";
        var table = CliRun.Of([.. args, "--out", _dir]);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains(words, System.Text.RegularExpressions.Regex.Replace(table.Stdout, @"[ \t]*\r?\n", " "), StringComparison.Ordinal); // the console wraps
        Assert.Contains(words, File.ReadAllText(Path.Combine(_dir, "brief.md")), StringComparison.Ordinal);
        Assert.Contains("Consolidates $14,100.00 a month of list usage (sonnet: $12,000.00 list ≈ ", File.ReadAllText(Path.Combine(_dir, "brief.md")), StringComparison.Ordinal);
        Assert.Contains("tokens at the account's own sonnet mix;", File.ReadAllText(Path.Combine(_dir, "brief.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_brief_written_by_out_has_every_chart_it_links_beside_it()
    {
        var run = CliRun.Of("scenarios", "--usage", Repository.PathOf("data", "demo", "northwind", "usage.csv"), "--contract",
            Repository.PathOf("data", "demo", "northwind", "contract.json"), "--paths", "200", "--out", _dir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var links = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(_dir, "brief.md")), @"!\[[^\]]*\]\(([^)]+)\)")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["scenarios.svg", "savings-vs-commitment.svg", "pareto.svg"], links);
        Assert.All(links, link => Assert.Equal("svg", System.Xml.Linq.XDocument.Load(Path.Combine(_dir, link)).Root!.Name.LocalName));
        Assert.Empty(Directory.EnumerateDirectories(_dir)); // written all at once through a staging folder that is gone
        Assert.Contains("Wrote brief.md, negotiation.json, pareto.svg, savings-vs-commitment.svg, scenarios.svg", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("northwind", "open-now")]
    [InlineData("contoso", "open-now")]
    [InlineData("fabrikam", "watch")]
    public void The_demo_accounts_carry_their_recommendation_first_in_the_report_and_the_brief(string account, string action)
    {
        var run = CliRun.Of("demo", "--account", account, "--paths", "500", "--out", _dir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"Recommendation: {action}", run.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, account, "analysis.json")));
        Assert.Equal(action, doc.RootElement.GetProperty("recommendation").GetProperty("action").GetString());
        var report = File.ReadAllText(Path.Combine(_dir, account, "report.md"));
        Assert.StartsWith("Recommendation:", report.Split("\n## ")[1], StringComparison.Ordinal);
        Assert.Contains("## Zone of possible agreement", File.ReadAllText(Path.Combine(_dir, account, "brief.md")), StringComparison.Ordinal);
        foreach (var chart in new[] { "scenarios.svg", "savings-vs-commitment.svg", "pareto.svg" }) Assert.True(File.Exists(Path.Combine(_dir, account, chart)), chart);
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
    public void A_consolidation_in_tokens_on_a_model_the_price_book_lacks_exits_2_with_one_line()
    {
        var file = Path.Combine(_dir, "tokens.json");
        File.WriteAllText(file, """
            {"packages": [{"name": "T", "start": "2026-11", "periods": [{"months": 12, "commitment": 1000000}], "committedDiscount": 0.2,
              "consolidation": {"start": "2027-01", "families": [{"family": "haiku", "model": "claude-nonesuch", "monthlyTokens": {"input": 10}}], "monthlyCostElsewhere": 1}}]}
            """);

        var run = CliRun.Of("scenarios", "--usage", Repository.PathOf("data", "demo", "northwind", "usage.csv"), "--contract",
            Repository.PathOf("data", "demo", "northwind", "contract.json"), "--scenarios", file, "--paths", "100");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("recommit:", StringComparison.Ordinal));
        Assert.Contains("package T: consolidation: unknown model 'claude-nonesuch'", line, StringComparison.Ordinal);
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

    private static JsonSchema Schema(string name) => JsonSchema.FromText(File.ReadAllText(Repository.PathOf("data", "schemas", name)));

    /// <summary>Evaluates with the contract schema registered, which the scenarios schema refers to for a package's fields.</summary>
    private static bool Valid(JsonSchema schema, string json)
    {
        var options = new EvaluationOptions { ValidateAgainstMetaSchema = true };
        options.SchemaRegistry.Register(Schema("contract.schema.json"));
        return schema.Evaluate(JsonNode.Parse(json), options).IsValid;
    }

    [Theory]
    [InlineData("docs/examples/scenarios.json")]
    [InlineData("tests/Recommit.Cli.Tests/fixtures/scenarios/example5-scenarios.json")]
    [InlineData("tests/Recommit.Cli.Tests/fixtures/scenarios/example6-scenarios.json")]
    public void The_scenarios_schema_and_loader_accept_the_shipped_files(string file)
    {
        var json = File.ReadAllText(Repository.PathOf(file.Split('/')));
        Assert.True(Valid(Schema("scenarios.schema.json"), json));
        Assert.NotEmpty(ScenarioFile.Parse(json, file));
    }

    [Theory]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": -1}], "committedDiscount": 0.2}]}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "extra": 1}]}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [], "monthlyCostElsewhere": 1}}]}""")]
    [InlineData("""{"packages": []}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [{"family": "haiku", "monthlyListUsd": 5, "monthlyTokens": {"input": 10}}], "monthlyCostElsewhere": 1}}]}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [{"family": "haiku"}], "monthlyCostElsewhere": 1}}]}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [{"family": "haiku", "monthlyTokens": {}}], "monthlyCostElsewhere": 1}}]}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [{"family": "haiku", "monthlyTokens": {"input": 10, "audio": 1}}], "monthlyCostElsewhere": 1}}]}""")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [{"family": "haiku", "monthlyListUsd": 5, "model": "claude-haiku-4-5"}], "monthlyCostElsewhere": 1}}]}""")]
    public void The_scenarios_schema_and_loader_refuse_the_same_faults(string json)
    {
        Assert.False(Valid(Schema("scenarios.schema.json"), json));
        Assert.ThrowsAny<InputException>(() => ScenarioFile.Parse(json, "s.json"));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"vendorHaircut": 0.3, "priceMoves": [{"year": 2027, "probability": 0.3, "change": -0.2}]}""", true)]
    [InlineData("""{"vendorHaircut": 1.3}""", false)]
    [InlineData("""{"bands": [{"minAnnualCommit": 0, "discount": 0.1}]}""", false)]
    [InlineData("""{"fees": {"fixedTiers": [], "gainshareShare": 0.2}}""", false)]
    public void The_assumptions_schema_and_loader_agree(string json, bool valid)
    {
        Assert.Equal(valid, Valid(Schema("assumptions.schema.json"), json));
        var loaded = Record.Exception(() => AssumptionsJson.Parse(json, "a.json"));
        Assert.Equal(valid, loaded is null);
        Assert.True(Valid(Schema("assumptions.schema.json"), File.ReadAllText(Repository.PathOf("docs", "examples", "assumptions.json"))));
    }

    [Fact]
    public void A_stored_account_gives_the_negotiation_its_files_give_and_the_run_is_stored()
    {
        var store = StoredDemo.Northwind(_dir);

        var stored = CliRun.Of("scenarios", "--account", StoredDemo.Account, "--store", store, "--paths", "200", "--json");
        var files = CliRun.Of("scenarios", "--usage", StoredDemo.UsageFile, "--contract", StoredDemo.ContractFile, "--paths", "200", "--json");

        Assert.True(stored.ExitCode == 0, stored.Stderr);
        Assert.True(files.ExitCode == 0, files.Stderr);
        Assert.Equal(files.Stdout, stored.Stdout);
        Assert.Contains("contract v1, 200 paths", stored.Stderr, StringComparison.Ordinal);
        var (scenarios, quotes) = StoredDemo.Runs(store);
        Assert.Equal(stored.Stdout, Assert.Single(scenarios));
        Assert.Single(quotes);

        var table = CliRun.Of("scenarios", "--account", StoredDemo.Account, "--store", store, "--contract-version", "1", "--paths", "200", "--out", Path.Combine(_dir, "deal"));
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("status quo", table.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "deal", "brief.md")));
        Assert.EndsWith("Stored as scenario 2 and quote 2 of account northwind: the optimiser's packages.", table.Stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--usage", "usage.csv", "--account: the usage and contract come from the store")]
    [InlineData("--contract", "contract.json", "--account: the usage and contract come from the store")]
    [InlineData("--contract-version", "2", "--contract-version: account northwind has no contract version 2")]
    [InlineData("--contract-version", "0", "--contract-version: a stored contract version number from 1")]
    [InlineData("--scenarios", "missing.json", "--scenarios")]
    public void With_an_account_file_inputs_or_a_missing_version_are_bad_input_in_one_line(string option, string value, string message)
    {
        var store = StoredDemo.Northwind(_dir);

        var run = CliRun.Of("scenarios", "--account", StoredDemo.Account, "--store", store, "--paths", "200", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"recommit: {message}", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(StoredDemo.Runs(store).Scenarios);
    }
}
