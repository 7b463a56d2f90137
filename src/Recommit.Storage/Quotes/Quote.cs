namespace Recommit.Storage.Quotes;

/// <summary>A fee quote for an account (fixed fee and gainshare) as JSON.</summary>
public sealed class Quote
{
    public int Id { get; init; }
    public int AccountId { get; init; }
    public required string Name { get; init; }
    public required string Json { get; init; }
    public DateTime CreatedUtc { get; init; }
}
