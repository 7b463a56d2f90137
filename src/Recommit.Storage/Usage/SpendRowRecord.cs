namespace Recommit.Storage.Usage;

/// <summary>One month's list spend on a model or family of a spend-only account, keyed by (account, month, model).</summary>
public sealed class SpendRowRecord
{
    public int AccountId { get; init; }
    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }
    public required string Model { get; init; }
    public decimal ListUsd { get; init; }
}
