using Recommit.Analysis;
using Recommit.Fees;
using Recommit.Negotiation;
using Recommit.Storage.Quotes;

namespace Recommit.Storage.Scenarios;

/// <summary>
/// One stored scenarios run: the scenario row (its negotiation.json), the quote row (the fee quote's JSON) and the
/// engine's results behind them, for a caller that renders them (the API, the workspace pages).
/// </summary>
public sealed record ScenarioRun(Scenario Scenario, Quote Quote, AnalysisResult Analysis, NegotiationResult Negotiation, FeeQuote FeeQuote);
