using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// The negotiation as written in <c>analysis.json</c> (<c>negotiation</c>) and by <c>recommit scenarios --json</c>
/// (docs/negotiation.md): the window, the status quo, the packages valued, the zone of possible agreement, the Pareto
/// frontier, verdicts on given packages, the recommendation and the assumptions with the defaulted ones named.
/// </summary>
public sealed record NegotiationDocument(
    WindowDocument Window,
    SideDocument StatusQuo,
    ImmutableArray<ScenarioDocument> Scenarios,
    ZoneOfAgreement? Zone,
    ImmutableArray<FrontierPoint> Frontier,
    ImmutableArray<OfferVerdict> Verdicts,
    Recommendation Recommendation,
    NegotiationAssumptions Assumptions,
    int CandidatesScreened)
{
    /// <summary>The best acceptable package's trades and asks, each valued for both sides.</summary>
    public ImmutableArray<TradeValue> Trades { get; init; } = [];

    /// <summary>The optimiser's term extensions not tried, each with its reason (empty when all three were).</summary>
    public ImmutableArray<string> ExtensionsNotTried { get; init; } = [];

    public static NegotiationDocument From(NegotiationResult n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var v = n.Valuation;
        var scenarios = v.Packages.Select((p, i) => ScenarioDocument.From(p, n.Stressed.Packages[i])).ToImmutableArray();
        return new NegotiationDocument(new WindowDocument(v.From, v.Horizon, v.Paths), SideDocument.From(v.StatusQuo, n.Stressed.StatusQuo),
            scenarios, n.Zone, n.Frontier, n.Verdicts, n.Recommendation, n.Assumptions, n.CandidatesScreened)
        { Trades = n.Trades, ExtensionsNotTried = n.ExtensionsNotTried };
    }
}

/// <summary>The common window s0..H and the number of paths (common random numbers).</summary>
public sealed record WindowDocument(YearMonth From, YearMonth Horizon, int Paths);

/// <summary>The status quo's buyer cost and vendor value, the vendor's measures, and its buyer cost under the load-drop stress.</summary>
public sealed record SideDocument(Distribution BuyerCost, Distribution VendorValue, VendorMeasures Vendor, Distribution StressedBuyerCost)
{
    public static SideDocument From(SideValue value, SideValue stressed) =>
        new(value.BuyerCost, value.VendorValue, value.Vendor, stressed.BuyerCost);
}

/// <summary>One package valued against the status quo, with its terms, flags and its figures under the load-drop stress.</summary>
public sealed record ScenarioDocument(
    string Name,
    string Origin,
    YearMonth Start,
    int TermMonths,
    Usd AnnualCommit,
    decimal CommittedDiscount,
    decimal OverageDiscount,
    decimal? BandDiscount,
    Distribution BuyerCost,
    Distribution VendorValue,
    Usd BuyerSaving,
    Usd VendorGain,
    double ProbabilityWorseOff,
    bool MutualGain,
    ImmutableArray<PackageFlag> Flags,
    VendorMeasures Vendor,
    Usd CostElsewhere,
    StressDocument Stressed,
    ImmutableArray<PeriodDocument> Periods)
{
    public static ScenarioDocument From(PackageValue p, PackageValue stressed)
    {
        var t = p.Package.Terms;
        return new ScenarioDocument(p.Package.Name, p.Package.Origin, t.Start, t.TermMonths, p.Package.AnnualCommit, t.CommittedDiscount,
            t.OverageDiscount, p.BandDiscount, p.Value.BuyerCost, p.Value.VendorValue, p.BuyerSaving, p.VendorGain, p.ProbabilityWorseOff,
            p.MutualGain, p.Flags, p.Value.Vendor, p.CostElsewhere,
            new StressDocument(stressed.BuyerSaving, stressed.VendorGain, stressed.ProbabilityWorseOff, stressed.MutualGain),
            [.. t.Periods.Select(x => new PeriodDocument(x.Months, x.Commitment))])
        {
            Consolidation = p.Package.Consolidation is { } c ? ConsolidationDocument.Of(c) : null,
        };
    }

    /// <summary>The workload the package consolidates (docs/negotiation.md), with tokens by kind where they were given; null when none.</summary>
    public ConsolidationDocument? Consolidation { get; init; }
}

/// <summary>A package's period: its length and commitment.</summary>
public sealed record PeriodDocument(int Months, Usd Commitment);

/// <summary>A package re-valued with usage cut by the load-drop stress from its t0, against the status quo cut from the same month.</summary>
public sealed record StressDocument(Usd BuyerSaving, Usd VendorGain, double ProbabilityWorseOff, bool MutualGain);
