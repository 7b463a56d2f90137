using System.Collections.Immutable;
using System.Globalization;
using Recommit.Gap;
using Recommit.Money;
using Recommit.Simulation;

namespace Recommit.Negotiation;

/// <summary>
/// The negotiation end to end (docs/method.md §7–§8): screens the optimiser's candidates, values the given packages and
/// the optimiser's best on the same paths (and again under the load-drop stress), draws the zone of possible agreement
/// and the Pareto frontier, answers each given package (accept / counter / reject) and recommends what to do.
/// </summary>
internal static class Negotiator
{
    /// <summary>How many of the optimiser's acceptable packages are valued in full and listed.</summary>
    public const int TopPackages = 5;

    /// <summary>
    /// Runs the negotiation on <paramref name="setup"/>'s paths for the <paramref name="given"/> packages (a scenarios
    /// file; may be empty), with <paramref name="p50"/> the P50 path of monthly list usage from the as-of month and
    /// <paramref name="gap"/> the verdict on the gap.
    /// </summary>
    public static NegotiationResult Run(NegotiationSetup setup, ImmutableArray<Package> given, double[] p50, GapAssessment gap)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(p50);
        ArgumentNullException.ThrowIfNull(gap);
        given = given.IsDefault ? [] : given;
        var candidates = Optimiser.Candidates(setup, p50);
        var (acceptable, screen) = Optimiser.Rank(setup, candidates);
        var top = acceptable.Take(TopPackages).Select(j => candidates[j].Package).ToList();
        List<Package> valued = [.. given, .. top];
        var valuation = Valuation.Run(setup, valued);
        var stressed = Valuation.Run(setup, valued, stressed: true);

        ZoneOfAgreement? zone = null;
        if (!candidates.IsEmpty)
        {
            // The zone is drawn for the best acceptable package's shape; failing that, the best mutual gain's, or the best saving's.
            var bestIndex = acceptable.IsEmpty
                ? Enumerable.Range(0, candidates.Length).OrderByDescending(j => Optimiser.IsMutual(screen.Saving(j), screen.Gain(j)))
                    .ThenByDescending(screen.Saving).First()
                : acceptable[0];
            zone = Optimiser.Zone(setup, candidates, screen, candidates[bestIndex], p50);
        }
        var frontier = Optimiser.Frontier(candidates, acceptable, screen);
        var verdicts = given.Select((p, j) => Verdict(valuation.Packages[j], setup.PathCount, setup.Assumptions, candidates, acceptable)).ToImmutableArray();
        var recommendation = Recommend(setup, valuation, gap);
        return new NegotiationResult(valuation, stressed, zone, frontier, verdicts, recommendation, setup.Assumptions, candidates.Length)
        {
            Trades = Trades(setup, valuation),
            ExtensionsNotTried = Optimiser.ExtensionsNotTried(setup, p50.Length),
        };
    }

    /// <summary>Each element of the best acceptable package valued by toggling it on the same paths.</summary>
    private static ImmutableArray<TradeValue> Trades(NegotiationSetup setup, NegotiationValuation valuation)
    {
        if (valuation.Packages.Where(v => v.Acceptable(setup.Assumptions.MaxProbabilityWorseOff)).MaxBy(v => v.BuyerSaving) is not { } best) return [];
        var p = best.Package;
        var t = p.Terms;
        var old = setup.Contract;
        // (name, kind, package with the element, package without it)
        var elements = new List<(string Name, string Kind, Package With, Package Without)>();
        if (t.CommittedDiscount != old.CommittedDiscount)
            elements.Add((Text($"the commitment and term that earn the {t.CommittedDiscount:P0} band instead of the current {old.CommittedDiscount:P0}"), "trade", p,
                p with { Terms = t with { CommittedDiscount = old.CommittedDiscount, OverageDiscount = Math.Min(t.OverageDiscount, old.CommittedDiscount) } }));
        // A ramp: annual rates that differ by more than rounding (a short first period of a flat package is not one).
        if (t.Periods.Select(x => Math.Round(x.Commitment.Value * 12m / x.Months, 0)).Distinct().Count() > 1)
        {
            var total = t.Periods.Sum(x => x.Commitment.Value);
            var flat = t.Periods.Select(x => new Contracts.CommitmentPeriod(x.Months, new Usd(total * x.Months / t.TermMonths))).ToImmutableArray();
            elements.Add(("ramp (commitment rising with usage)", "trade", p, p with { Terms = t with { Periods = flat } }));
        }
        if (p.Consolidation is not null)
            elements.Add(("workload consolidation", "trade", p, p with { Consolidation = null }));
        var repriced = t.OverageDiscount > 0 ? p : p with { Terms = t with { OverageDiscount = t.CommittedDiscount } };
        elements.Add(("overage repriced at the committed rate", "ask", repriced, repriced with { Terms = repriced.Terms with { OverageDiscount = 0m } }));
        var carried = t.Carryover.Fraction > 0 ? p : p with { Terms = t with { Carryover = new Contracts.CarryoverRule(0.5m, 0.1m) } };
        elements.Add(("carryover of a shortfall", "ask", carried, carried with { Terms = carried.Terms with { Carryover = Contracts.CarryoverRule.None } }));
        var guarded = t.PriceProtection ? p : p with { Terms = t with { PriceProtection = true } };
        elements.Add((setup.Assumptions.PriceMoves.IsEmpty ? "price protection (no list-price moves assumed, so it is worth nothing here)" : "price protection", "ask", guarded, guarded with { Terms = guarded.Terms with { PriceProtection = false } }));

        var run = Valuation.Run(setup, [.. elements.SelectMany(e => new[] { e.With, e.Without })]);
        return [.. elements.Select((e, i) =>
        {
            var (with, without) = (run.Packages[2 * i].Value, run.Packages[2 * i + 1].Value);
            return new TradeValue(e.Name, e.Kind, without.BuyerCost.Mean - with.BuyerCost.Mean, with.VendorValue.Mean - without.VendorValue.Mean);
        })];
    }

    internal static OfferVerdict Verdict(PackageValue value, int paths, NegotiationAssumptions assumptions, ImmutableArray<Optimiser.Candidate> candidates, ImmutableArray<int> acceptable)
    {
        var p = value.Package;
        var cap = assumptions.MaxProbabilityWorseOff;
        var nearest = acceptable.IsEmpty ? null : candidates[acceptable.MinBy(j => Distance(candidates[j], p))].Package.Name;
        if (value.Acceptable(cap))
            return new OfferVerdict(p.Name, "accept", Text($"a mutual gain: the buyer saves {Shown(value.BuyerSaving, paths)} and the vendor gains {Shown(value.VendorGain, paths)}, with P(buyer worse off) {Probability.Percent(value.ProbabilityWorseOff)} within the {cap:P0} cap"), null);
        if (value.BuyerSaving.Value > 0)
        {
            // The reason is the test that failed: a mutual gain above the risk cap, a vendor loss, or a saving under the
            // half cent a gain must pass (PackageValue.MutualGain), never a cap the probability is within.
            var why = value.MutualGain
                ? $"the buyer saves {Shown(value.BuyerSaving, paths)} but is worse off on {AboveCap(value.ProbabilityWorseOff, cap)}"
                : value.VendorGain.Value < -0.005m
                    ? $"the buyer saves {Shown(value.BuyerSaving, paths)} but the vendor loses {Shown(-value.VendorGain, paths)}"
                    : "the buyer saves under a cent on average, too little to count as a gain";
            return new OfferVerdict(p.Name, "counter", Text($"{why}"), nearest);
        }
        return new OfferVerdict(p.Name, "reject", Text($"the buyer pays {Shown(-value.BuyerSaving, paths)} more than the status quo on average"), nearest);
    }

    private static double Distance(Optimiser.Candidate c, Package p) =>
        Math.Abs(Math.Log((double)Math.Max(1m, c.AnnualCommit.Value) / (double)Math.Max(1m, p.AnnualCommit.Value)))
        + Math.Abs(c.TermMonths - p.Terms.TermMonths) / 12.0
        + 5 * Math.Abs((double)(c.Package.Terms.CommittedDiscount - p.Terms.CommittedDiscount));

    /// <summary>
    /// docs/method.md §8: fewer than 3 months to renewal → negotiate the renewal; seasonal, short or noisy evidence → watch
    /// until the gap's next check; no acceptable package, or a saving below twice the fixed fee → do not open; a durable
    /// gap → open now; usage on pace → do not open.
    /// </summary>
    private static Recommendation Recommend(NegotiationSetup setup, NegotiationValuation valuation, GapAssessment gap)
    {
        var a = setup.Assumptions;
        var paths = setup.PathCount;
        var toRenewal = Math.Max(0, setup.First.MonthsUntil(setup.Contract.End));
        var best = valuation.Packages.Where(v => v.Acceptable(a.MaxProbabilityWorseOff)).MaxBy(v => v.BuyerSaving);
        var annual = best?.Package.AnnualCommit ?? new Usd(setup.Contract.Periods.Sum(p => p.Commitment.Value) * 12m / setup.Contract.TermMonths);
        var fee = a.Fees.FixedFee(annual);
        var threshold = fee * 2m;
        var reasons = ImmutableArray.CreateBuilder<string>();
        reasons.Add(Text($"Gap: {gap.ClassName} ({gap.Confidence} confidence)."));
        reasons.Add(best is null
            ? Text($"No package screened or given is a mutual gain with P(buyer worse off) at most {a.MaxProbabilityWorseOff:P0}.")
            : Text($"Best acceptable package: {best.Package.Name}, saving the buyer {Shown(best.BuyerSaving, paths)} and gaining the vendor {Shown(best.VendorGain, paths)} in expectation (P(buyer worse off) {Probability.Percent(best.ProbabilityWorseOff)})."));
        reasons.Add(Text($"Engagement cost threshold: twice the {fee} fixed fee = {threshold}."));
        reasons.Add(Text($"{toRenewal} month(s) to the end of the term ({setup.Contract.End.AddMonths(-1)})."));

        string action, sentence;
        Time.YearMonth? next = null;
        if (toRenewal < 3)
        {
            action = "negotiate-renewal";
            sentence = Text($"Negotiate the renewal itself: only {toRenewal} month(s) remain of the term, too few to reopen it mid-term.");
        }
        else if (gap.Class is GapClass.Seasonal or GapClass.InsufficientEvidence or GapClass.Noise)
        {
            // Short or seasonal evidence: check again before opening, whatever a package would save today (§8).
            action = "watch";
            next = gap.NextCheck ?? setup.First.AddMonths(3);
            var package = best is null
                ? $"no package is yet a mutual gain within the {a.MaxProbabilityWorseOff:P0} risk cap"
                : $"{best.Package.Name} would save {Shown(best.BuyerSaving, paths)}";
            sentence = Text($"Watch: the gap is {gap.ClassName}, not yet durable, and {package}; check again once {next} has closed.");
        }
        else if (best is null)
        {
            action = "do-not-open";
            sentence = Text($"Do not open: no package is a mutual gain within the {a.MaxProbabilityWorseOff:P0} risk cap, so the account team has no reason to agree.");
        }
        else if (best.BuyerSaving < threshold)
        {
            action = "do-not-open";
            sentence = Text($"Do not open: the best package saves {SimulatedFigure.Text(best.BuyerSaving, threshold, paths)}, less than twice the {fee} fixed fee ({threshold}).");
        }
        else if (gap.Class is GapClass.DurableOverage or GapClass.DurableShortfall)
        {
            action = "open-now";
            sentence = Text($"Open now: the gap is durable ({gap.ClassName}) and {best.Package.Name} saves {SimulatedFigure.Text(best.BuyerSaving, threshold, paths)}, at least twice the {fee} fixed fee, while the vendor gains {Shown(best.VendorGain, paths)}.");
        }
        else
        {
            action = "do-not-open";
            sentence = Text($"Do not open: usage is {gap.ClassName} with the commitment, so there is no gap to renegotiate on, although {best.Package.Name} would save {Shown(best.BuyerSaving, paths)}.");
        }
        return new Recommendation(action, next, sentence, reasons.ToImmutable(), best?.Package.Name, best?.BuyerSaving, fee, threshold, toRenewal);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// "x of paths, above the y cap" with as many decimals as it takes for x to read larger than y (0.204 against a
    /// 0.20 cap reads 20.4 % against 20.0 %, never "20 %, above the 20 % cap").
    /// </summary>
    private static string AboveCap(double probability, decimal cap)
    {
        var decimals = 0;
        while (decimals < 3 && Probability.Percent(probability, decimals) == Probability.Percent((double)cap, decimals)) decimals++;
        return $"{Probability.Percent(probability, decimals)} of paths, above the {Probability.Percent((double)cap, decimals)} cap";
    }

    /// <summary>A simulated mean as a sentence shows it: three significant figures, the precision its uncertainty supports.</summary>
    /// <remarks>One given path (<c>--future</c>) has no sampling uncertainty: its figures are exact to the cent (Examples 5 and 6).</remarks>
    private static string Shown(Usd simulated, int paths) => SimulatedFigure.Text(simulated, paths);
}
