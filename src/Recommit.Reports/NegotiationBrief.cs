using System.Globalization;
using System.Text;
using Recommit.Analysis;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Reports.Internals;
using Recommit.Reports.Markdown;
using Recommit.Simulation;

namespace Recommit.Reports;

/// <summary>
/// The negotiation brief (<c>brief.md</c>; docs/negotiation.md): the recommendation, the numbers a CFO asks for, the cost
/// of doing nothing, the packages side by side for buyer and vendor, the zone of possible agreement, the framing in the
/// account team's terms, the trades and asks with their value to each side, and the assumptions (defaults labelled).
/// </summary>
public static class NegotiationBrief
{
    public static string Markdown(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var a = AnalysisShape.Normalise(analysis);
        var sb = new StringBuilder();
        sb.Append("# Negotiation brief: ").Append(MarkdownText.Escape(a.Account)).Append("\n\n");
        sb.Append("As of **").Append(Figures.Day(a.AsOf)).Append("** · contract **").Append(MarkdownText.Escape(a.Contract.Name)).Append("**, ")
          .Append(a.Contract.Start).Append(" to ").Append(a.Contract.End.AddMonths(-1)).Append("\n\n");
        if (a.Negotiation is not { } n)
        {
            sb.Append("No negotiation: the term has ended before the as-of month.\n");
            return sb.ToString();
        }
        foreach (var section in Sections(a, n))
        {
            sb.Append("## ").Append(section.Title).Append("\n\n");
            if (section.Lead.Length > 0) sb.Append(section.Lead.TrimEnd('\n')).Append("\n\n");
            if (section.Chart is not null) sb.Append("![").Append(section.Title).Append("](").Append(section.Chart).Append(")\n\n");
            if (section.Details.Length > 0) sb.Append(section.Details.TrimEnd('\n')).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>The recommendation as the report's first section.</summary>
    internal static ReportSection Recommendation(NegotiationResult n)
    {
        var r = n.Recommendation;
        var sb = new StringBuilder();
        sb.Append("> ").Append(MarkdownText.Escape(r.Sentence)).Append("\n\n");
        foreach (var reason in r.Reasons) sb.Append("- ").Append(MarkdownText.Escape(reason)).Append('\n');
        return new ReportSection("recommendation", "Recommendation: " + Action(r.Action), sb.ToString(), null, "");
    }

    /// <summary>The brief's sections after the recommendation (also the report's negotiation section).</summary>
    internal static IEnumerable<ReportSection> Sections(AnalysisResult a, NegotiationResult n)
    {
        yield return Recommendation(n);
        yield return Numbers(a, n);
        yield return Packages(n);
        if (n.Zone is { } zone) yield return Zone(zone, n.Valuation.Paths);
        yield return Vendor(n);
        yield return Assumptions(n);
    }

    private static ReportSection Numbers(AnalysisResult a, NegotiationResult n)
    {
        var v = n.Valuation;
        var sq = v.StatusQuo;
        var c = a.CostOfDoingNothing;
        string Sim(Usd value) => SimulatedFigure.Text(value, v.Paths);
        var sb = new StringBuilder();
        sb.Append("- Window: ").Append(v.From).Append(" to ").Append(v.Horizon).Append(", ").Append(Figures.Count(v.Paths))
          .Append(" simulated paths, the same for the status quo and every package.\n");
        sb.Append("- Status quo buyer cost over the window: ").Append(Sim(sq.BuyerCost.Mean)).Append(" expected (P10 ")
          .Append(Sim(sq.BuyerCost.P10)).Append(", P90 ").Append(Sim(sq.BuyerCost.P90)).Append(").\n");
        sb.Append("- Cost of doing nothing (overage premium + forfeited commitment to the end of the term): ").Append(Sim(c.Mean))
          .Append(" expected, ").Append(Sim(c.P50)).Append(" median.\n");
        if (v.Packages.Where(p => p.Acceptable(n.Assumptions.MaxProbabilityWorseOff)).MaxBy(p => p.BuyerSaving) is { } best)
        {
            var i = v.Packages.IndexOf(best);
            var stressed = n.Stressed.Packages[i];
            sb.Append("- Best acceptable package, ").Append(MarkdownText.Escape(best.Package.Name)).Append(": the buyer saves ")
              .Append(Sim(best.BuyerSaving)).Append(" in expectation (worse off on ").Append(Figures.Probability(best.ProbabilityWorseOff))
              .Append(" of paths) and the vendor gains ").Append(Sim(best.VendorGain)).Append(".\n");
            sb.Append("- If usage falls ").Append(Figures.Percent((double)n.Assumptions.LoadStress)).Append(" from the package's start (").Append(best.Package.Terms.Start.ToString()).Append("): ")
              .Append(Buyer(stressed.BuyerSaving, Sim)).Append(" and ").Append(Vendor(stressed.VendorGain, Sim))
              .Append(stressed.MutualGain ? " — still a mutual gain.\n" : " — no longer a mutual gain.\n");
        }
        return new ReportSection("numbers", "The numbers", sb.ToString(), null, "");
    }

    private static ReportSection Packages(NegotiationResult n)
    {
        var table = new MarkdownTable(["Package", "Annual commit", "Term", "Discount (band)", "E[buyer cost]", "Buyer saving", "E[vendor value]", "Vendor gain", "P(worse off)", "Mutual gain", "Saving under stress"],
            [false, true, true, true, true, true, true, true, true, false, true]);
        var sq = n.Valuation.StatusQuo;
        string Sim(Usd value) => SimulatedFigure.Text(value, n.Valuation.Paths);
        table.Row("Status quo", "", "", "", Sim(sq.BuyerCost.Mean), "", Sim(sq.VendorValue.Mean), "", "", "", "");
        foreach (var (p, i) in n.Valuation.Packages.Select((p, i) => (p, i)))
        {
            table.Row(MarkdownText.Escape(p.Package.Name), Figures.Money(p.Package.AnnualCommit),
                p.Package.Terms.TermMonths.ToString(CultureInfo.InvariantCulture) + " mo",
                Figures.Percent((double)p.Package.Terms.CommittedDiscount) + " (" + (p.BandDiscount is { } b ? Figures.Percent((double)b) : "none") + ")",
                Sim(p.Value.BuyerCost.Mean), Sim(p.BuyerSaving), Sim(p.Value.VendorValue.Mean),
                Sim(p.VendorGain), Figures.Probability(p.ProbabilityWorseOff), p.MutualGain ? "yes" : "no",
                Sim(n.Stressed.Packages[i].BuyerSaving));
        }
        var sb = new StringBuilder(table.Render()).Append('\n');
        foreach (var p in n.Valuation.Packages)
            foreach (var f in p.Flags) sb.Append("- ").Append(MarkdownText.Escape(p.Package.Name)).Append(": ").Append(MarkdownText.Escape(f.Message)).Append('\n');
        foreach (var verdict in n.Verdicts)
            sb.Append("- ").Append(MarkdownText.Escape(verdict.Package)).Append(": **").Append(verdict.Verdict).Append("** — ").Append(MarkdownText.Escape(verdict.Reason))
              .Append(verdict.Nearest is { } near ? "; nearest package in the zone: " + MarkdownText.Escape(near) : "").Append(".\n");
        var lead = "Buyer cost B is every bill from the window's start to its end; vendor value V counts committed revenue in full, " +
            $"uncommitted revenue at (1 − h) with h = {Figures.Percent((double)n.Assumptions.VendorHaircut)}, and revenue after a term's end also at the renewal probability q = {Figures.Percent((double)n.Assumptions.RenewalProbability)} (docs/negotiation.md).\n";
        return new ReportSection("packages", "Packages side by side", lead, Charts.ChartSet.Scenarios, sb.ToString());
    }

    private static ReportSection Zone(ZoneOfAgreement z, int paths)
    {
        var sb = new StringBuilder();
        sb.Append("For the best package's shape (").Append(z.TermMonths.ToString(CultureInfo.InvariantCulture)).Append(" months, ")
          .Append(MarkdownText.Escape(z.Shape.ToString())).Append("), discounts from the bands:\n\n");
        sb.Append(z.Low is { } low && z.High is { } high
            ? $"- Both sides gain in expectation from **{Figures.Money(low)}** to **{Figures.Money(high)}** a year (before the cap on P(buyer worse off); each level's probability is in the curve in analysis.json).\n"
            : "- No commit level on the grid gains both sides.\n");
        // Shown beside the zone's exact ends, the vendor's walk-away point keeps enough figures to read on its true side
        // of the low end, the buyer's of the high end.
        string WalkAway(Usd point, Usd? end) => end is { } e ? SimulatedFigure.Text(point, e, paths) : SimulatedFigure.Text(point, paths);
        sb.Append("- The vendor's walk-away point (gain = 0): ").Append(z.VendorWalkAway is { } vw ? WalkAway(vw, z.Low) + " a year" : "beyond the grid").Append(".\n");
        sb.Append("- The buyer's walk-away point (saving = 0): ").Append(z.BuyerWalkAway is { } bw ? WalkAway(bw, z.High) + " a year" : "beyond the grid").Append(".\n");
        sb.Append(z.DiscountLow is { } dl && z.DiscountHigh is { } dh
            ? $"- At {Figures.Money(z.ChosenAnnualCommit)} a year both sides gain with a committed discount from {Figures.Percent((double)dl)} to {Figures.Percent((double)dh)}.\n"
            : $"- At {Figures.Money(z.ChosenAnnualCommit)} a year no discount from 0 % to 50 % gains both sides.\n");
        return new ReportSection("zone", "Zone of possible agreement", sb.ToString(), Charts.ChartSet.Savings, "");
    }

    private static ReportSection Vendor(NegotiationResult n)
    {
        var sb = new StringBuilder();
        var sq = n.Valuation.StatusQuo;
        if (n.Valuation.Packages.Where(p => p.Acceptable(n.Assumptions.MaxProbabilityWorseOff)).MaxBy(p => p.BuyerSaving) is not { } best)
        {
            sb.Append("No acceptable package to frame for the account team.\n");
            return new ReportSection("vendor", "For the account team", sb.ToString(), Charts.ChartSet.Pareto, "");
        }
        var pv = best.Value.Vendor;
        string Sim(Usd value) => SimulatedFigure.Text(value, n.Valuation.Paths);
        sb.Append("- Revenue under contract: ").Append(Figures.Percent(pv.CommittedShare)).Append(" of the package's expected value against ")
          .Append(Figures.Percent(sq.Vendor.CommittedShare)).Append(" in the status quo")
          .Append(Figures.Percent(pv.CommittedShare) == Figures.Percent(sq.Vendor.CommittedShare) ? " — about the same share.\n"
              : pv.CommittedShare > sq.Vendor.CommittedShare ? " — more of the revenue is committed.\n" : " — less of the revenue is committed.\n");
        sb.Append("- Predictability: the P10–P90 range of the vendor's value is ").Append(Sim(pv.Spread)).Append(" against ")
          .Append(Sim(sq.Vendor.Spread)).Append(pv.Spread < sq.Vendor.Spread && Sim(pv.Spread) != Sim(sq.Vendor.Spread) ? " — narrower, so more predictable.\n" : " — not narrower.\n");
        sb.Append("- Revenue billed during the contract's term: ").Append(Sim(pv.TermRevenue)).Append(" against ").Append(Sim(sq.Vendor.TermRevenue))
          .Append(" in the status quo's remaining term.\n");
        sb.Append("- Expected value to the vendor: ").Append(Sim(best.Value.VendorValue.Mean)).Append(" against ").Append(Sim(sq.VendorValue.Mean))
          .Append(" (gain ").Append(Sim(best.VendorGain)).Append(").\n");
        foreach (var t in n.Trades)
            sb.Append("- ").Append(t.Kind == "trade" ? "Trade offered" : "Ask").Append(": ").Append(MarkdownText.Escape(t.Name)).Append(" — ")
              .Append(t.BuyerValue.Value < 0 ? "costs the buyer " + Sim(-t.BuyerValue) : "worth " + Sim(t.BuyerValue) + " to the buyer")
              .Append(t.VendorValue.Value < 0 ? ", and costs the vendor " + Sim(-t.VendorValue) : " and " + Sim(t.VendorValue) + " to the vendor").Append(".\n");
        return new ReportSection("vendor", "For the account team", sb.ToString(), Charts.ChartSet.Pareto, "");
    }

    /// <summary>The buyer's side of a package in words that follow its sign: saves $X, or pays $X more.</summary>
    private static string Buyer(Usd saving, Func<Usd, string> shown) =>
        saving.Value > 0 ? "the buyer saves " + shown(saving) : "the buyer pays " + shown(-saving) + " more";

    /// <summary>The vendor's side of a package in words that follow its sign: gains $X, or loses $X.</summary>
    private static string Vendor(Usd gain, Func<Usd, string> shown) =>
        gain.Value < 0 ? "the vendor loses " + shown(-gain) : "the vendor gains " + shown(gain);

    private static ReportSection Assumptions(NegotiationResult n)
    {
        var a = n.Assumptions;
        string Label(string field) => a.Defaulted.Contains(field) ? " (default)" : "";
        var sb = new StringBuilder();
        sb.Append("- Vendor haircut h on revenue not under contract: ").Append(Figures.Percent((double)a.VendorHaircut)).Append(Label("vendorHaircut")).Append('\n');
        sb.Append("- Renewal probability q after a term ends: ").Append(Figures.Percent((double)a.RenewalProbability)).Append(Label("renewalProbability")).Append('\n');
        sb.Append("- Discount rate: ").Append(Figures.Percent((double)a.DiscountRate)).Append(" a year").Append(Label("discountRate")).Append('\n');
        sb.Append("- Cap on P(buyer worse off): ").Append(Figures.Percent((double)a.MaxProbabilityWorseOff)).Append(Label("maxProbabilityWorseOff")).Append('\n');
        sb.Append("- Load-drop stress: ").Append(Figures.Percent((double)a.LoadStress)).Append(Label("loadStress")).Append('\n');
        sb.Append("- List-price moves: ").Append(a.PriceMoves.IsEmpty ? "none" : string.Join("; ", a.PriceMoves.Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{m.Year}: {Figures.Percent((double)m.Probability)} chance of {Figures.SignedPercent((double)m.Change)}"))))
          .Append(Label("priceMoves")).Append('\n');
        sb.Append("- Discount bands").Append(Label("bands")).Append(": ").Append(string.Join("; ", a.Bands.Select(b =>
            $"{Figures.Money(b.MinAnnualCommit)}+/yr over {b.MinTermMonths.ToString(CultureInfo.InvariantCulture)}+ months → {Figures.Percent((double)b.Discount)}"))).Append('\n');
        sb.Append("- Fees").Append(Label("fees")).Append(": fixed ").Append(string.Join(", ", a.Fees.FixedTiers.Select(t => $"{Figures.Money(t.Fee)} from {Figures.Money(t.MinAnnualCommit)}/yr")))
          .Append("; or gainshare ").Append(Figures.Percent((double)a.Fees.GainshareShare)).Append(" of verified savings over ")
          .Append(a.Fees.GainshareWindowMonths.ToString(CultureInfo.InvariantCulture)).Append(" months.\n");
        sb.Append("- ").Append(Figures.Count(n.CandidatesScreened)).Append(" optimiser packages screened, over term extensions of 0, 12 and 24 months")
          .Append(n.ExtensionsNotTried.IsEmpty ? ".\n" : "; not tried: " + MarkdownText.Escape(string.Join("; ", n.ExtensionsNotTried)) + ".\n");
        return new ReportSection("negotiation-assumptions", "Negotiation assumptions", sb.ToString(), null, "");
    }

    private static string Action(string action) => action switch
    {
        "open-now" => "open now",
        "watch" => "watch",
        "do-not-open" => "do not open",
        "negotiate-renewal" => "negotiate the renewal",
        _ => action,
    };
}
