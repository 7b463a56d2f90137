namespace Recommit.Storage.Accounts;

/// <summary>A client account: one buyer's commitment, its contracts, usage and analyses.</summary>
public sealed class Account
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public DateTime CreatedUtc { get; init; }
}
