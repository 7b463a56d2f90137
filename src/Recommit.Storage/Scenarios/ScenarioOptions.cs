using Recommit.Storage.Analyses;

namespace Recommit.Storage.Scenarios;

/// <summary>
/// What a scenarios run of a stored account values: the analysis settings (paths, seed, as-of, τ, levers, contract
/// version), the packages as a scenarios file's JSON (<c>{"packages":[...]}</c>, docs/negotiation.md; none: the
/// optimiser's packages only), the negotiation assumptions' JSON (none: the labelled defaults) and a name for the run.
/// </summary>
public sealed record ScenarioOptions
{
    /// <summary>Paths when the request gives none: enough for stable means, quick enough to answer a request.</summary>
    public const int DefaultPaths = 2_000;

    public string? Name { get; init; }
    public AnalysisOptions Analysis { get; init; } = new() { Paths = DefaultPaths };
    public string? Packages { get; init; }
    public string? Assumptions { get; init; }
}
