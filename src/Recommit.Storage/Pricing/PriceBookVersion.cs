namespace Recommit.Storage.Pricing;

/// <summary>A price-book version the store has seen (the built-in one, or an overlay), with its JSON and where it came from.</summary>
public sealed class PriceBookVersion
{
    public int Id { get; init; }
    public required string Version { get; init; }
    public required string Source { get; init; }
    public required string Json { get; init; }
    public DateTime CreatedUtc { get; init; }
}
