using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// Reads a scenarios file (<c>data/schemas/scenarios.schema.json</c>; docs/negotiation.md): <c>{"packages":[ ... ]}</c>,
/// each package a contract (the contract file's fields, <c>start</c> = t0) with an optional <c>consolidation</c>:
/// <c>{"start":"2027-01","rampMonths":6,"families":[{"family":"sonnet","monthlyListUsd":40000}],"monthlyCostElsewhere":30000}</c>,
/// a family given in list dollars or in tokens by kind (<c>"monthlyTokens":{"input":2e9,"output":1e8}</c>, optionally with
/// the <c>model</c> that prices them; priced by <see cref="Consolidation.PricedWith"/>).
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] RootFields = ["packages"];
    private static readonly string[] ConsolidationFields = ["start", "rampMonths", "families", "monthlyCostElsewhere"];
    private static readonly string[] FamilyFields = ["family", "monthlyListUsd", "monthlyTokens", "model"];
    private static readonly string[] TokenFields = ["input", "output", "cacheWrite", "cacheRead"];
    private const decimal MaxTokens = 1_000_000_000_000_000m;
    private const decimal MaxDollars = 1_000_000_000_000m;

    public static ImmutableArray<Package> Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var document = JsonFields.Parse(json, sourceName);
        var root = new JsonFields(sourceName, "", document.RootElement, RootFields);
        var packages = ImmutableArray.CreateBuilder<Package>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, path) in root.Array("packages", nonEmpty: true))
        {
            var terms = ContractJson.Read(element, sourceName, path, ["consolidation"]);
            if (!names.Add(terms.Name)) throw root.Fail($"{path}.name", $"must be unique within the file, found \"{terms.Name}\" twice");
            Consolidation? consolidation = null;
            if (element.ValueKind == System.Text.Json.JsonValueKind.Object && element.TryGetProperty("consolidation", out var c))
            {
                var f = new JsonFields(sourceName, $"{path}.consolidation", c, ConsolidationFields);
                var families = f.Array("families", nonEmpty: true).Select(x =>
                {
                    var row = new JsonFields(sourceName, x.Path, x.Element, FamilyFields);
                    var family = row.Text("family").Trim();
                    if (family.Length == 0) throw row.Fail(row.Field("family"), "must not be empty");
                    if (row.Has("monthlyListUsd") == row.Has("monthlyTokens"))
                        throw row.Fail(row.Field("monthlyListUsd"), "give the workload either in list dollars (monthlyListUsd) or in tokens (monthlyTokens), exactly one");
                    var model = row.Has("model") ? row.Text("model").Trim() : null;
                    if (!row.Has("monthlyTokens"))
                    {
                        if (model is not null) throw row.Fail(row.Field("model"), "prices monthlyTokens; a workload in list dollars has no model");
                        return new ConsolidatedFamily(family, new Usd(row.Number("monthlyListUsd", 0, MaxDollars)));
                    }
                    if (model is { Length: 0 }) throw row.Fail(row.Field("model"), "must not be empty");
                    var tokens = new JsonFields(sourceName, row.Field("monthlyTokens"), row.Element("monthlyTokens"), TokenFields);
                    long Count(string kind) => tokens.Has(kind) ? (long)tokens.Number(kind, 0, MaxTokens) : 0;
                    var monthly = new ConsolidatedTokens(Count("input"), Count("output"), Count("cacheWrite"), Count("cacheRead"));
                    if (monthly.Total == 0) throw tokens.Fail(tokens.Path, "needs tokens of at least one kind (input, output, cacheWrite, cacheRead)");
                    return new ConsolidatedFamily(family, Usd.Zero) { MonthlyTokens = monthly, Model = model };
                }).ToImmutableArray();
                consolidation = new Consolidation(f.Month("start"), f.Has("rampMonths") ? f.Whole("rampMonths", 1, 60) : 1, families,
                    new Usd(f.Number("monthlyCostElsewhere", 0, MaxDollars)));
            }
            packages.Add(new Package(terms, consolidation));
        }
        return packages.ToImmutable();
    }
}
