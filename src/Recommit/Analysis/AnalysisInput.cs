using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Forecasting;
using Recommit.Gap;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Pricing;
using Recommit.Simulation;
using Recommit.Usage;

namespace Recommit.Analysis;

/// <summary>
/// What <see cref="Analyzer.Run"/> needs: the contract, the price book, and usage as a cube (tokens) or, failing
/// that, a spend table (list dollars by month and model family). Optional: levers, the as-of date (default: the day
/// after the last usage day), paths and seed, the gap threshold τ, token-mix overrides for spend-only accounts, and
/// <see cref="Future"/>: one given path of monthly list dollars from the as-of month that replaces the forecast; the
/// negotiation's assumptions and given packages (<see cref="Scenarios"/>; the optimiser runs either way), or
/// <see cref="Negotiate"/> false to leave the negotiation out.
/// </summary>
public sealed record AnalysisInput(Contract Contract, PriceBook PriceBook)
{
    public string Account { get; init; } = "";
    public UsageCube? Usage { get; init; }
    public SpendTable? Spend { get; init; }
    public LeverPlan Levers { get; init; } = LeverPlan.None;
    public DateOnly? AsOf { get; init; }
    public int Paths { get; init; } = SimulationSetup.DefaultPaths;
    public ulong Seed { get; init; } = 1;
    public double Threshold { get; init; } = GapClassifier.DefaultThreshold;
    public ImmutableArray<Usd>? Future { get; init; }
    public IReadOnlyDictionary<string, TokenMix>? TokenMixes { get; init; }
    public ForecastOptions ForecastOptions { get; init; } = new();
    public bool Negotiate { get; init; } = true;
    public NegotiationAssumptions Assumptions { get; init; } = NegotiationAssumptions.Default;
    public ImmutableArray<Package> Scenarios { get; init; } = [];

    /// <summary>Fitted forecasts and backtests to reuse by their exact inputs (none: fit every time).</summary>
    public FitCache? Fits { get; init; }

    /// <summary>The usage files behind <see cref="Usage"/> or <see cref="Spend"/> with their reconciliations.</summary>
    public ImmutableArray<UsageSource> Sources { get; init; } = [];
}
