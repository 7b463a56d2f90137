namespace Recommit.Storage.Usage;

/// <summary>
/// One usage cube cell of an account, keyed by the cube's natural key (docs/importers.md). Written only in bulk by
/// <see cref="UsageStore"/>, never through the change tracker; the enum dimensions are stored as their numbers.
/// </summary>
public sealed class UsageRow
{
    public int AccountId { get; init; }
    public DateOnly Day { get; init; }
    public short Channel { get; init; }
    public required string Workspace { get; init; }
    public required string Model { get; init; }
    public short Tier { get; init; }
    public short Band { get; init; }
    public short Geo { get; init; }
    public short Speed { get; init; }
    public short Kind { get; init; }
    public long Tokens { get; init; }
}
