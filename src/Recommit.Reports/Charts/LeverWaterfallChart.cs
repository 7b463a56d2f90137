using Recommit.Analysis;
using Recommit.Reports.Internals;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>The lever waterfall (docs/method.md §5): list dollars for the rest of the term at baseline, then each lever's change, then after all levers.</summary>
internal static class LeverWaterfallChart
{
    public static (Plot, string) Build(AnalysisResult a, string font)
    {
        var l = a.Levers;
        var title = $"Lever waterfall: list dollars {l.From} to {l.To}";
        var plot = ChartStyle.NewPlot(title, "Lever, in the order applied", "List US dollars", font);
        double baseline = (double)l.Baseline.Value, routing = (double)l.AfterRouting.Value,
            caching = (double)l.AfterCaching.Value, batch = (double)l.AfterBatch.Value;
        var bars = new List<Bar>
        {
            Full(0, baseline, ChartStyle.SkyBlue),
            Step(1, baseline, routing),
            Step(2, routing, caching),
            Step(3, caching, batch),
            Full(4, batch, ChartStyle.BluishGreen),
        };
        plot.Add.Bars(bars);
        string[] names = ["Baseline", "Routing", "Caching", "Batch", "After levers"];
        ChartStyle.ManualTicksBottom(plot, [0, 1, 2, 3, 4], names);
        ChartStyle.DollarTicksLeft(plot);
        var top = new[] { baseline, routing, caching, batch }.Max();
        plot.Axes.SetLimits(-0.6, 4.6, 0, top > 0 ? top * 1.12 : 1);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "saving", FillColor = ChartStyle.Orange });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "increase", FillColor = ChartStyle.Vermillion });
        plot.ShowLegend(Alignment.UpperRight);
        return (plot, title);
    }

    private static Bar Full(int position, double value, Color color) =>
        new() { Position = position, Value = value, ValueBase = 0, FillColor = color, LineWidth = 0, Label = Figures.CompactMoney(value), CenterLabel = false };

    private static Bar Step(int position, double from, double to) =>
        new()
        {
            Position = position,
            Value = Math.Max(from, to),
            ValueBase = Math.Min(from, to),
            FillColor = to <= from ? ChartStyle.Orange : ChartStyle.Vermillion,
            LineWidth = 0,
            Label = (to <= from ? "−" : "+") + Figures.CompactMoney(Math.Abs(to - from)),
            CenterLabel = false,
        };
}
