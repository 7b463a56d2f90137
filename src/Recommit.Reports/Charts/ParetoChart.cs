using Recommit.Negotiation;
using Recommit.Reports.Internals;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>
/// The Pareto frontier (docs/negotiation.md): the acceptable packages no other beats on both the buyer's expected saving
/// and the vendor's expected gain, with the packages valued in full marked.
/// </summary>
internal static class ParetoChart
{
    public static (Plot, string) Build(NegotiationResult n, string font)
    {
        var title = $"Pareto frontier of {Figures.Count(n.Frontier.Length)} acceptable packages";
        var plot = ChartStyle.NewPlot(title, "Buyer's expected saving (US dollars)", "Vendor's expected gain (US dollars)", font);
        if (n.Frontier.Length > 0)
        {
            var line = plot.Add.Scatter(n.Frontier.Select(f => (double)f.BuyerSaving.Value).ToArray(), n.Frontier.Select(f => (double)f.VendorGain.Value).ToArray());
            line.Color = ChartStyle.Blue;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = "Frontier";
        }
        var valued = n.Valuation.Packages;
        if (valued.Length > 0)
        {
            var points = plot.Add.ScatterPoints(valued.Select(p => (double)p.BuyerSaving.Value).ToArray(), valued.Select(p => (double)p.VendorGain.Value).ToArray());
            points.Color = ChartStyle.Vermillion;
            points.MarkerSize = 9;
            points.LegendText = "Packages valued (#1, #2, … as listed)";
        }
        ChartStyle.ZeroLine(plot);
        ChartStyle.ZeroLine(plot, vertical: true);
        ChartStyle.DollarTicksLeft(plot);
        ChartStyle.DollarTicksBottom(plot);
        plot.ShowLegend(Alignment.UpperRight);
        return (plot, title);
    }
}
