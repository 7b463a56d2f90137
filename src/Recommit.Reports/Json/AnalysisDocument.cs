using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Fees;
using Recommit.Negotiation;

namespace Recommit.Reports.Json;

/// <summary>
/// <c>analysis.json</c>, the machine-readable form of every figure in the report, as its own type: engine records are
/// mapped onto it field by field, so renaming an engine property cannot change the file. Its shape is published as
/// <c>docs/schemas/analysis.schema.json</c>; a test fails when the two disagree. New sections are added as new
/// properties (and in the schema), never by changing what an existing key means.
/// </summary>
public sealed record AnalysisDocument(
    string Account,
    DateOnly AsOf,
    string PriceBookVersion,
    ContractDocument Contract,
    LedgerDocument Ledger,
    GapDocument Gap,
    RatesDocument Rates,
    ForecastDocument Forecast,
    LeverWaterfallDocument Levers,
    CostOfDoingNothingDocument CostOfDoingNothing,
    SimulationDocument Simulation,
    BacktestDocument? Backtest,
    ImmutableArray<UsageRowDocument> Usage,
    ImmutableArray<NoteDocument> Notes,
    ImmutableArray<InputDocument> Inputs)
{
    /// <summary>What to do (docs/method.md §8), repeated from the negotiation so a reader finds it at the top level.</summary>
    public Recommendation? Recommendation { get; init; }

    /// <summary>The negotiation section (docs/method.md §7).</summary>
    public NegotiationDocument? Negotiation { get; init; }

    /// <summary>The engagement quote: fixed fee against gainshare for the recommended package (docs/method.md §9).</summary>
    public FeeQuote? Quote { get; init; }

    /// <summary>The document of an analysis.</summary>
    public static AnalysisDocument Of(AnalysisResult a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AnalysisDocument(
            a.Account, a.AsOf, a.PriceBookVersion, ContractDocument.Of(a.Contract), LedgerDocument.Of(a.Ledger), GapDocument.Of(a.Gap),
            RatesDocument.Of(CommitmentRates.From(a.Contract, a.Ledger)),
            ForecastDocument.Of(a.Forecast), LeverWaterfallDocument.Of(a.Levers), CostOfDoingNothingDocument.Of(a.CostOfDoingNothing),
            SimulationDocument.Of(a.Simulation), a.Backtest is { } b ? BacktestDocument.Of(b) : null,
            [.. a.Usage.Select(UsageRowDocument.Of)], [.. a.Notes.Select(NoteDocument.Of)], [.. a.Sources.Select(InputDocument.Of)])
        {
            Recommendation = a.Negotiation?.Recommendation,
            Negotiation = a.Negotiation is { } n ? NegotiationDocument.From(n) : null,
            Quote = a.Quote,
        };
    }
}
