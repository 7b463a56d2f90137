using Recommit.Analysis;
using Recommit.Reports.Internals;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>Monthly gap ratios g = consumed ÷ pace − 1 as bars, with the ±τ band and the verdict in the title (docs/method.md §3).</summary>
internal static class GapChart
{
    public static (Plot, string) Build(AnalysisResult a, string font)
    {
        var g = a.Gap;
        var title = $"Monthly gap against pace: {Figures.Verdict(g.Class)}" + (g.RunLength > 0 ? $" (run of {g.RunLength} months)" : "");
        var plot = ChartStyle.NewPlot(title, "Month", "Gap ratio against pace (%)", font);
        var tau = g.Threshold * 100;

        var band = plot.Add.VerticalSpan(-tau, tau);
        band.FillStyle.Color = ChartStyle.Grey.WithAlpha(0.18);
        band.LineStyle.Width = 0;
        band.LegendText = $"τ band: ±{Figures.Percent(g.Threshold)} of pace";

        var bars = new List<Bar>();
        var positions = new List<double>();
        var labels = new List<string>();
        var step = ChartStyle.LabelStep(g.Months.Length, 12);
        for (var i = 0; i < g.Months.Length; i++)
        {
            var m = g.Months[i];
            var value = double.IsFinite(m.GapRatio) ? m.GapRatio * 100 : 0;
            var color = value > tau ? ChartStyle.Vermillion : value < -tau ? ChartStyle.Blue : ChartStyle.Grey;
            bars.Add(new Bar { Position = i, Value = value, ValueBase = 0, FillColor = color, LineWidth = 0 });
            if (i % step == 0 || i == g.Months.Length - 1)
            {
                positions.Add(i);
                labels.Add(m.Month.ToString());
            }
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        var upper = plot.Add.HorizontalLine(tau);
        upper.LineColor = ChartStyle.Black; upper.LinePattern = LinePattern.Dashed; upper.LineWidth = 1;
        var lower = plot.Add.HorizontalLine(-tau);
        lower.LineColor = ChartStyle.Black; lower.LinePattern = LinePattern.Dashed; lower.LineWidth = 1;
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = ChartStyle.Black; zero.LineWidth = 1;

        // Legend entries for the bar colours.
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "above pace beyond τ", FillColor = ChartStyle.Vermillion });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "below pace beyond τ", FillColor = ChartStyle.Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "within τ", FillColor = ChartStyle.Grey });
        plot.ShowLegend(Alignment.UpperLeft);

        ChartStyle.ManualTicksBottom(plot, positions, labels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Figures.SignedPercent(v / 100) };
        var max = Math.Max(tau * 2, g.Months.Select(m => double.IsFinite(m.GapRatio) ? Math.Abs(m.GapRatio * 100) : 0).DefaultIfEmpty(0).Max() * 1.15);
        plot.Axes.SetLimits(-0.7, Math.Max(g.Months.Length - 0.3, 0.7), -max, max);
        return (plot, title);
    }
}
