namespace Recommit.Web.Accounts;

/// <summary>An account as a list shows it: its latest finished analysis' gap class, cost of doing nothing and date.</summary>
internal sealed record AccountSummary(int Id, string Name, DateTime CreatedUtc, Guid? LatestAnalysisId, string? GapClass, decimal? CostOfDoingNothingMean, DateTime? AnalysedUtc);
