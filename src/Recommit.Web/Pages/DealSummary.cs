using System.Globalization;
using System.Text;
using Recommit.Analysis;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Simulation;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages;

/// <summary>
/// The best package for both sides in a few lines (docs/method.md §7–§8): the package the engine's recommendation rests
/// on, the buyer's saving and the vendor's gain (to three significant figures, as in the recommendation sentence), the
/// buyer's risk, and the zone of agreement in one line (to the cent, as in the report's zone section). Nothing here is
/// computed: every figure is the engine's, so the sentences agree with the report's sections beside them.
/// </summary>
internal static class DealSummary
{
    /// <summary>The section, or an empty string when the analysis ran no negotiation.</summary>
    public static string Html(AnalysisResult result, string id = "package")
    {
        if (result.Negotiation is not { } n) return "";
        var sb = new StringBuilder("<section id=\"").Append(id).Append("\" class=\"deal\">\n<h2>Best package for both sides</h2>\n");
        sb.Append(PackageLines(n, n.Valuation.Packages.FirstOrDefault(p => p.Package.Name == n.Recommendation.Package)));
        sb.Append("<p class=\"zone-line\">").Append(E(ZoneLine(n.Zone))).Append("</p>\n</section>\n");
        return sb.ToString();
    }

    /// <summary>A valued package's terms, the buyer's saving and risk and the vendor's gain as a list; a line saying so when there is none.</summary>
    public static string PackageLines(NegotiationResult n, PackageValue? best)
    {
        if (best is null)
            return "<p>" + E(Text($"No package screened or given is a mutual gain with P(buyer worse off) at most {n.Assumptions.MaxProbabilityWorseOff:P0}, so there is no package to put to the account team.")) + "</p>\n";
        var terms = best.Package.Terms;
        var sb = new StringBuilder("<p><strong>").Append(E(best.Package.Name)).Append("</strong>: ")
          .Append(E(Text($"{best.Package.AnnualCommit} a year of commitment over {terms.TermMonths} months from {terms.Start}, at a {Percent(terms.CommittedDiscount)} committed discount")))
          .Append(terms.Carryover.Fraction > 0m ? E(Text($", carrying over {Percent(terms.Carryover.Fraction)} of a shortfall (capped at {Percent(terms.Carryover.Cap)} of the period's commitment)")) : "")
          .Append(".</p>\n<ul class=\"figures\">");
        sb.Append("<li>The buyer ").Append(best.BuyerSaving > Usd.Zero ? "saves <strong>" : "pays <strong>").Append(E(Shown(Abs(best.BuyerSaving))))
          .Append("</strong> in expectation").Append(best.BuyerSaving > Usd.Zero ? "" : " more")
          .Append(E(Text($", and is worse off on {Probability.Percent(best.ProbabilityWorseOff)} of the simulated paths."))).Append("</li>");
        sb.Append("<li>The vendor ").Append(best.VendorGain >= Usd.Zero ? "gains <strong>" : "loses <strong>").Append(E(Shown(Abs(best.VendorGain))))
          .Append("</strong> in expected value against the status quo.</li></ul>\n");
        return sb.ToString();
    }

    /// <summary>The zone of agreement in one line, in the report's words and figures.</summary>
    public static string ZoneLine(ZoneOfAgreement? zone) => zone switch
    {
        null => "Zone of agreement: none could be drawn for this account.",
        { Low: { } low, High: { } high } z => Text($"Zone of agreement: both sides gain in expectation from {low} to {high} a year of commitment ({z.TermMonths} months, {z.Shape})."),
        var z => Text($"Zone of agreement: no commit level on the grid gains both sides ({z.TermMonths} months, {z.Shape})."),
    };

    /// <summary>A simulated dollar figure to three significant figures, as the engine's sentences show it.</summary>
    public static string Shown(Usd simulated) => simulated.ToSignificant(3).ToShortString();

    private static Usd Abs(Usd value) => value >= Usd.Zero ? value : -value;

    private static string Percent(decimal ratio) => (ratio * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
