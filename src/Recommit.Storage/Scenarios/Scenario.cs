namespace Recommit.Storage.Scenarios;

/// <summary>A named what-if of an account (levers and package terms) and, once run, its result as JSON.</summary>
public sealed class Scenario
{
    public int Id { get; init; }
    public int AccountId { get; init; }
    public required string Name { get; init; }
    public required string Json { get; init; }
    public DateTime CreatedUtc { get; init; }
}
