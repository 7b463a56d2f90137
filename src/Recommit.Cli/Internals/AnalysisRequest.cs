namespace Recommit.Cli.Internals;

/// <summary>What <c>recommit analyze</c> was asked to do, as parsed from its options.</summary>
internal sealed record AnalysisRequest(string ContractPath)
{
    public IReadOnlyList<string> UsagePaths { get; init; } = [];
    public string? Format { get; init; }
    public string? SpendPath { get; init; }
    public string? LeversPath { get; init; }
    public string? PricesPath { get; init; }
    public string? FuturePath { get; init; }
    public DateOnly? AsOf { get; init; }
    public int Paths { get; init; } = 10_000;
    public ulong Seed { get; init; } = 1;
    public double Threshold { get; init; } = 0.10;
    public string? Account { get; init; }
    public string? ScenariosPath { get; init; }
    public string? AssumptionsPath { get; init; }
    public bool Strict { get; init; }
}
