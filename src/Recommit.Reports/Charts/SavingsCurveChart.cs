using Recommit.Negotiation;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>
/// The savings-vs-commitment curve for both sides (docs/negotiation.md): over the commit grid of the best package's shape,
/// the buyer's expected saving and the vendor's expected gain, with the zone of possible agreement shaded.
/// </summary>
internal static class SavingsCurveChart
{
    public static (Plot, string) Build(NegotiationResult n, string font)
    {
        var title = "Savings against annual commitment, both sides";
        var plot = ChartStyle.NewPlot(title, "Annual commitment (US dollars at committed rates)", "Expected saving or gain (US dollars)", font);
        if (n.Zone is not { Curve.Length: > 0 } z) return (plot, title);
        double[] xs = [.. z.Curve.Select(p => (double)p.AnnualCommit.Value)];
        if (z.Low is { } low && z.High is { } high)
        {
            var span = plot.Add.HorizontalSpan((double)low.Value, (double)high.Value);
            span.FillColor = ChartStyle.BluishGreen.WithAlpha(0.2);
            span.LegendText = "Zone: both gain";
        }
        var buyer = plot.Add.Scatter(xs, [.. z.Curve.Select(p => (double)p.BuyerSaving.Value)]);
        buyer.Color = ChartStyle.Blue;
        buyer.LineWidth = 2.5f;
        buyer.MarkerSize = 3;
        buyer.LegendText = "Buyer's saving";
        var vendor = plot.Add.Scatter(xs, [.. z.Curve.Select(p => (double)p.VendorGain.Value)]);
        vendor.Color = ChartStyle.Orange;
        vendor.LineWidth = 2.5f;
        vendor.MarkerSize = 3;
        vendor.LegendText = "Vendor's gain";
        ChartStyle.ZeroLine(plot);
        ChartStyle.DollarTicksLeft(plot);
        ChartStyle.DollarTicksBottom(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        return (plot, title);
    }
}
