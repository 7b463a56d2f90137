using Recommit.Negotiation;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>
/// Scenario comparison (docs/negotiation.md): for the status quo and each package, the buyer's expected cost and the
/// vendor's expected value over the common window, side by side, with the buyer cost's P10–P90 as an error bar.
/// </summary>
internal static class ScenarioComparisonChart
{
    public static (Plot, string) Build(NegotiationResult n, string font)
    {
        var v = n.Valuation;
        var title = $"Buyer cost and vendor value, {v.From} to {v.Horizon}";
        var plot = ChartStyle.NewPlot(title, "Package", "US dollars over the window", font);
        var sides = new List<(string Name, SideValue Side)> { ("Status quo", v.StatusQuo) };
        sides.AddRange(v.Packages.Select((p, i) => ($"#{i + 1}", p.Value)));
        var bars = new List<Bar>();
        for (var i = 0; i < sides.Count; i++)
        {
            var s = sides[i].Side;
            bars.Add(new Bar
            {
                Position = i * 3, Value = (double)s.BuyerCost.Mean.Value, FillColor = ChartStyle.Blue, LineWidth = 0,
                Error = ((double)s.BuyerCost.P90.Value - (double)s.BuyerCost.P10.Value) / 2,
            });
            bars.Add(new Bar { Position = i * 3 + 1, Value = (double)s.VendorValue.Mean.Value, FillColor = ChartStyle.Orange, LineWidth = 0 });
        }
        plot.Add.Bars(bars);
        ChartStyle.ManualTicksBottom(plot, [.. Enumerable.Range(0, sides.Count).Select(i => i * 3 + 0.5)], [.. sides.Select(s => s.Name)]);
        ChartStyle.DollarTicksLeft(plot);
        var top = sides.Max(s => Math.Max((double)s.Side.BuyerCost.P90.Value, (double)s.Side.VendorValue.Mean.Value));
        plot.Axes.SetLimits(-1, sides.Count * 3 - 1, 0, top > 0 ? top * 1.12 : 1);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "E[buyer cost] (bar: P10–P90)", FillColor = ChartStyle.Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "E[vendor value]", FillColor = ChartStyle.Orange });
        plot.ShowLegend(Alignment.UpperRight);
        return (plot, title);
    }
}
