using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// One model family of a consolidated workload (docs/method.md §7): its monthly list dollars once fully moved, given
/// directly or priced from <see cref="MonthlyTokens"/> (tokens by kind) at list on <see cref="Model"/>'s prices in the
/// consolidation's start month (<see cref="Consolidation.PricedWith"/>).
/// </summary>
public sealed record ConsolidatedFamily(string Family, Usd MonthlyListUsd)
{
    /// <summary>The tokens a month by kind when the workload was given in tokens; null when given in list dollars.</summary>
    public ConsolidatedTokens? MonthlyTokens { get; init; }

    /// <summary>The model whose list prices price <see cref="MonthlyTokens"/> (given, or the family's model on sale at the start).</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Where <see cref="MonthlyTokens"/> came from: <c>given</c> (the scenarios file), <c>account-mix</c> (list dollars
    /// turned into tokens at the account's own mix for the family over the last three full months), or null (none).
    /// </summary>
    public string? TokensFrom => MonthlyTokens is null ? null : Estimated ? "account-mix" : "given";

    /// <summary>The tokens were estimated from list dollars at the account's own mix (<see cref="Consolidation.WithTokensAt"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Estimated { get; init; }
}
