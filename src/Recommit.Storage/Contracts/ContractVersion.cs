namespace Recommit.Storage.Contracts;

/// <summary>
/// One version of an account's contract as the documented contract JSON (docs/contracts.md); versions are kept, so the
/// old contract and the signed one both remain. The highest version is the current one.
/// </summary>
public sealed class ContractVersion
{
    public int Id { get; init; }
    public int AccountId { get; init; }
    public int Version { get; init; }
    /// <summary>Free text: "current", "proposed", "signed 2026-12-01".</summary>
    public required string Label { get; init; }
    public required string Json { get; init; }
    public DateTime CreatedUtc { get; init; }
}
