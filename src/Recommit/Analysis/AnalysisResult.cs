using System.Collections.Immutable;
using Recommit.Analysis.Notes;
using Recommit.Contracts;
using Recommit.Fees;
using Recommit.Gap;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;

namespace Recommit.Analysis;

/// <summary>Mean and P10/P50/P90 of a simulated dollar figure.</summary>
public sealed record Distribution(Usd Mean, Usd P10, Usd P50, Usd P90);

/// <summary>One month of the reforecast in list dollars: actuals where known, and the P10/P50/P90 fan before and after levers.</summary>
public sealed record ForecastMonth(
    YearMonth Month,
    Usd? Actual,
    Usd BaselineP10, Usd BaselineP50, Usd BaselineP90,
    Usd AfterLeversP10, Usd AfterLeversP50, Usd AfterLeversP90);

/// <summary>The reforecast (docs/method.md §4): method, months, and warnings (short history, assumed token mix, the forecaster's own).</summary>
public sealed record ForecastSection(string Method, ImmutableArray<ForecastMonth> Months, ImmutableArray<AnalysisNote> Warnings);

/// <summary>
/// The lever waterfall for the rest of the term (docs/method.md §5): expected list dollars at baseline and after each lever
/// in the order they apply. <see cref="AssumedTokenMix"/> is true when the figures rest on an assumed token mix.
/// </summary>
public sealed record LeverWaterfall(YearMonth From, YearMonth To, Usd Baseline, Usd AfterRouting, Usd AfterCaching, Usd AfterBatch, bool AssumedTokenMix)
{
    /// <summary>The kinds of lever given, in the order they apply; empty when the analysis had no levers.</summary>
    public ImmutableArray<LeverKind> Kinds { get; init; } = [];

    /// <summary>
    /// The expected cost of doing nothing had the levers not been applied (the baseline paths through the same
    /// ledger); beside <see cref="CostOfDoingNothing.Mean"/> it shows whether the levers lower that cost or, under a
    /// commitment the usage already falls short of, raise it.
    /// </summary>
    public Usd? CostWithoutLevers { get; init; }
}

/// <summary>
/// The cost of doing nothing (docs/method.md §6): expected overage premium plus expected forfeited commitment of the current
/// and later periods, as a distribution, with its two parts and percentiles 0, 5, …, 100 for charting.
/// </summary>
public sealed record CostOfDoingNothing(Usd Mean, Usd P10, Usd P50, Usd P90, Distribution OveragePremium, Distribution Forfeited, ImmutableArray<Usd> Percentiles);

/// <summary>The status-quo simulation (docs/method.md §6): N seeded paths through the ledger to the horizon.</summary>
public sealed record SimulationSummary(
    int Paths,
    ulong Seed,
    YearMonth From,
    YearMonth Horizon,
    Distribution TotalBill,
    Distribution OveragePremium,
    Distribution Forfeited,
    double ProbabilityAnyShortfall,
    double ProbabilityAnyOverage);

/// <summary>The forecaster's rolling-origin accuracy on the account's own history (docs/quality.md A4).</summary>
public sealed record BacktestSummary(int Origins, int Horizon, double Smape, double Mase, double Coverage80, double Coverage95, string Note);

/// <summary>List dollars of the trailing twelve months by workspace and model (workspace names are untrusted text).</summary>
public sealed record UsageBreakdownRow(string Workspace, string Model, Usd ListUsd);

/// <summary>
/// Everything <c>recommit analyze</c> computes for one account: the input to every report renderer and the
/// <c>analysis.json</c> document. Every dollar is list or billed USD and names <see cref="PriceBookVersion"/>.
/// </summary>
public sealed record AnalysisResult(
    string Account,
    DateOnly AsOf,
    string PriceBookVersion,
    Contract Contract,
    LedgerResult Ledger,
    GapAssessment Gap,
    ForecastSection Forecast,
    LeverWaterfall Levers,
    CostOfDoingNothing CostOfDoingNothing,
    SimulationSummary Simulation,
    BacktestSummary? Backtest,
    ImmutableArray<UsageBreakdownRow> Usage,
    ImmutableArray<AnalysisNote> Notes)
{
    /// <summary>The negotiation (docs/method.md §7–§8): packages, zone, frontier and the recommendation; null when left out.</summary>
    public NegotiationResult? Negotiation { get; init; }

    /// <summary>The usage files the analysis rests on, each with rows read, accepted and rejected.</summary>
    public ImmutableArray<UsageSource> Sources { get; init; } = [];

    /// <summary>The engagement quote for the recommended package (docs/method.md §9), when a negotiation was run.</summary>
    public FeeQuote? Quote { get; init; }
}
