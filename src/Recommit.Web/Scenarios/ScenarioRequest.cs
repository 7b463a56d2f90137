using System.Text.Json;
using Recommit.Storage.Analyses;
using Recommit.Storage.Scenarios;

namespace Recommit.Web.Scenarios;

/// <summary>
/// The body of <c>POST …/scenarios</c> and <c>POST …/quotes</c>: the packages to value (a scenarios file's object
/// <c>{"packages":[...]}</c> or just its array; none: the optimiser's packages), the negotiation assumptions (object),
/// the levers (a levers file's object), and the analysis settings. Every field is optional.
/// </summary>
public sealed record ScenarioRequest(
    string? Name = null,
    JsonElement? Packages = null,
    JsonElement? Assumptions = null,
    JsonElement? Levers = null,
    int? Paths = null,
    ulong? Seed = null,
    DateOnly? AsOf = null,
    double? Threshold = null,
    int? ContractVersion = null)
{
    /// <summary>The storage layer's options; a field of the wrong JSON kind is bad input naming the field.</summary>
    public ScenarioOptions ToOptions()
    {
        var defaults = new AnalysisOptions();
        var packages = Text(Packages, "packages");
        if (Packages is { ValueKind: JsonValueKind.Array } array) packages = $"{{\"packages\":{array.GetRawText()}}}";
        return new ScenarioOptions
        {
            Name = Name,
            Packages = packages,
            Assumptions = Text(Assumptions, "assumptions"),
            Analysis = new AnalysisOptions
            {
                Paths = Paths ?? ScenarioOptions.DefaultPaths,
                Seed = Seed ?? defaults.Seed,
                AsOf = AsOf,
                Threshold = Threshold ?? defaults.Threshold,
                Levers = Text(Levers, "levers"),
                ContractVersion = ContractVersion,
            },
        };
    }

    private static string? Text(JsonElement? value, string field) => value switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } v => v.GetRawText(),
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw new InputException($"{field}: expected a JSON object, found {v.ValueKind.ToString().ToLowerInvariant()}"),
    };
}
