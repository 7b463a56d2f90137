namespace Recommit.Web.Analyses;

/// <summary>
/// An analysis as the API lists it: status (queued, running, done, failed), the step being run or the failure
/// message, and once done the key figures; the full analysis.json is at <c>…/analyses/{id}/result</c>.
/// </summary>
internal sealed record AnalysisView(Guid Id, string Status, string Progress, int ContractVersion, DateTime CreatedUtc, DateTime? FinishedUtc,
    DateOnly? AsOf, string? PriceBookVersion, string? GapClass, decimal? CostOfDoingNothingMean, double? ProbabilityAnyOverage, double? ProbabilityAnyShortfall);
