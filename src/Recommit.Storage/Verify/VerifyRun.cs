namespace Recommit.Storage.Verify;

/// <summary>A verified-savings run of a signed account: the measured savings against the counterfactual, as JSON.</summary>
public sealed class VerifyRun
{
    public int Id { get; init; }
    public int AccountId { get; init; }
    public required string Name { get; init; }
    public required string Json { get; init; }
    public DateTime CreatedUtc { get; init; }
}
