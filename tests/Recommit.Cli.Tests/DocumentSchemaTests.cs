using System.Text.Json.Nodes;
using Json.Schema;

namespace Recommit.Cli.Tests;

/// <summary>
/// What the commands write against the published schemas (docs/schemas): <c>ledger --json</c> against
/// ledger.schema.json, and the committed <c>analyze --json</c> golden file of a demo account against
/// analysis.schema.json, whose ledger is the same shape.
/// </summary>
public class DocumentSchemaTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "ledger");

    private static readonly Lazy<(JsonSchema Ledger, JsonSchema Analysis, EvaluationOptions Options)> Schemas = new(() =>
    {
        var options = new EvaluationOptions { ValidateAgainstMetaSchema = true, OutputFormat = OutputFormat.List };
        var ledger = JsonSchema.FromText(File.ReadAllText(Repository.PathOf("docs", "schemas", "ledger.schema.json")));
        options.SchemaRegistry.Register(ledger);
        return (ledger, JsonSchema.FromText(File.ReadAllText(Repository.PathOf("docs", "schemas", "analysis.schema.json"))), options);
    });

    private static void AssertValid(JsonSchema schema, string json)
    {
        var result = schema.Evaluate(JsonNode.Parse(json), Schemas.Value.Options);
        var problems = string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
        Assert.True(result.IsValid, problems);
    }

    private static string Ledger(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Success, RecommitCli.Run(["ledger", .. args, "--json"], stdout, stderr));
        return stdout.ToString();
    }

    [Theory]
    [InlineData("acme.json", "acme-spend.csv")]
    [InlineData("example3.json", "example3-spend.csv")]
    public void Ledger_json_matches_the_ledger_schema(string contract, string spend) =>
        AssertValid(Schemas.Value.Ledger, Ledger("--contract", Path.Combine(Fixtures, contract), "--spend", Path.Combine(Fixtures, spend)));

    [Fact]
    public void Ledger_json_periods_and_months_have_the_keys_of_the_analysis_ledger()
    {
        var ledger = JsonNode.Parse(Ledger("--contract", Path.Combine(Fixtures, "acme.json"), "--spend", Path.Combine(Fixtures, "acme-spend.csv")))!;
        var analysis = JsonNode.Parse(File.ReadAllText(Repository.PathOf("tests", "Recommit.Cli.Tests", "golden", "analysis-northwind.json")))!["ledger"]!;

        static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];
        Assert.Equal(Keys(analysis["periods"]![0]!), Keys(ledger["periods"]![0]!));
        Assert.Equal(Keys(analysis["months"]![0]!), Keys(ledger["months"]![0]!));
    }

    [Fact]
    public void The_golden_analysis_of_a_demo_account_matches_the_analysis_schema() =>
        AssertValid(Schemas.Value.Analysis, File.ReadAllText(Repository.PathOf("tests", "Recommit.Cli.Tests", "golden", "analysis-northwind.json")));
}
