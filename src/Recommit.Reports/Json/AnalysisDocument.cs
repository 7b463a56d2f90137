using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Fees;
using Recommit.Gap;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>The shape of <c>analysis.json</c>: the analysis with the gap split into verdict and evidence.</summary>
internal sealed record AnalysisDocument(
    string Account,
    DateOnly AsOf,
    string PriceBookVersion,
    Contract Contract,
    LedgerResult Ledger,
    GapDocument Gap,
    CommitmentRates Rates,
    ForecastSection Forecast,
    LeverWaterfall Levers,
    CostOfDoingNothing CostOfDoingNothing,
    SimulationSummary Simulation,
    BacktestSummary? Backtest,
    ImmutableArray<UsageBreakdownRow> Usage,
    ImmutableArray<string> Notes,
    ImmutableArray<UsageSource> Inputs)
{
    /// <summary>What to do (docs/method.md §8), repeated from the negotiation so a reader finds it at the top level.</summary>
    public Recommendation? Recommendation { get; init; }

    /// <summary>The negotiation section (docs/method.md §7).</summary>
    public NegotiationDocument? Negotiation { get; init; }

    /// <summary>The engagement quote: fixed fee against gainshare for the recommended package (docs/method.md §9).</summary>
    public FeeQuote? Quote { get; init; }

    public static AnalysisDocument From(AnalysisResult a) => new(
        a.Account, a.AsOf, a.PriceBookVersion, a.Contract, a.Ledger, GapDocument.From(a.Gap), CommitmentRates.From(a.Contract, a.Ledger), a.Forecast, a.Levers,
        a.CostOfDoingNothing, a.Simulation, a.Backtest, a.Usage, a.Notes, a.Sources)
    {
        Recommendation = a.Negotiation?.Recommendation,
        Negotiation = a.Negotiation is { } n ? NegotiationDocument.From(n) : null,
        Quote = a.Quote,
    };
}

/// <summary>The gap verdict (docs/method.md §3) as written in <c>analysis.json</c>.</summary>
internal sealed record GapDocument(GapClass Class, string ClassName, string Sentence, string Confidence, YearMonth? NextCheck, GapDriver Driver, GapEvidence Evidence)
{
    public static GapDocument From(GapAssessment g) => new(
        g.Class, g.ClassName, g.Sentence, g.Confidence, g.NextCheck, g.Driver,
        new GapEvidence(g.RunLength, g.Threshold, g.Months, g.MannKendallS, g.MannKendallPValue, g.TheilSenSlope,
            g.YearOverYearGrowth, g.ProjectedPeriodEndPosition));
}

/// <summary>The evidence behind the gap verdict: run length, threshold τ, the months, the trend test and growth.</summary>
internal sealed record GapEvidence(
    int RunLength,
    double Threshold,
    ImmutableArray<GapMonth> Months,
    double? MannKendallS,
    double? MannKendallPValue,
    double? TheilSenSlope,
    double? YearOverYearGrowth,
    Usd? ProjectedPeriodEndPosition);
