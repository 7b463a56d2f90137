namespace Recommit.Storage.Analyses;

/// <summary>
/// One analysis of an account: its request, status and progress while it runs, then the documented
/// <c>analysis.json</c> and the key figures an accounts list shows (gap class, cost of doing nothing, P(any overage)).
/// </summary>
public sealed class AnalysisRecord
{
    public Guid Id { get; init; }
    public int AccountId { get; init; }
    public AnalysisStatus Status { get; set; }
    /// <summary>The step being run ("reading usage", "simulating", …) or the failure message.</summary>
    public string Progress { get; set; } = "";
    /// <summary>The request as JSON (paths, seed, as-of, threshold, levers).</summary>
    public required string Request { get; init; }
    public int ContractVersion { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? FinishedUtc { get; set; }
    public DateOnly? AsOf { get; set; }
    public string? PriceBookVersion { get; set; }
    public string? GapClass { get; set; }
    public decimal? CostOfDoingNothingMean { get; set; }
    public double? ProbabilityAnyOverage { get; set; }
    public double? ProbabilityAnyShortfall { get; set; }
    /// <summary>The documented analysis.json (docs/analysis.md), when done.</summary>
    public string? ResultJson { get; set; }
}
