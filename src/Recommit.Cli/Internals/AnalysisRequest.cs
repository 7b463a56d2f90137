using Recommit.Import;

namespace Recommit.Cli.Internals;

/// <summary>What <c>recommit analyze</c> was asked to do, as parsed from its options: the files it reads and how to run.</summary>
internal sealed record AnalysisRequest(AnalysisFiles Files)
{
    public DateOnly? AsOf { get; init; }
    public int Paths { get; init; } = 10_000;
    public ulong Seed { get; init; } = 1;
    public double Threshold { get; init; } = 0.10;
    public string? Account { get; init; }
    public string? ScenariosPath { get; init; }
    public string? AssumptionsPath { get; init; }
}
