using Recommit.Analysis;
using Recommit.Reports.Internals;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>
/// The distribution of the cost of doing nothing (docs/method.md §6) over the simulated paths, drawn as its cumulative
/// distribution from the percentiles 0, 5, …, 100, with the P10, P50, P90 and mean marked.
/// </summary>
internal static class CostOfDoingNothingChart
{
    public static (Plot, string) Build(AnalysisResult a, string font)
    {
        var c = a.CostOfDoingNothing;
        var title = $"Cost of doing nothing over {Figures.Count(a.Simulation.Paths)} simulated paths";
        var plot = ChartStyle.NewPlot(title, "Cost of doing nothing (US dollars)", "Share of paths at or below (%)", font);

        double[] xs, ys;
        if (c.Percentiles.Length >= 2)
        {
            xs = [.. c.Percentiles.Select(p => (double)p.Value)];
            ys = [.. Enumerable.Range(0, xs.Length).Select(i => 100.0 * i / (xs.Length - 1))];
        }
        else
        {
            xs = [(double)c.P10.Value, (double)c.P50.Value, (double)c.P90.Value];
            ys = [10, 50, 90];
        }
        var cdf = plot.Add.Scatter(xs, ys);
        cdf.Color = ChartStyle.Blue;
        cdf.LineWidth = 2.5f;
        cdf.MarkerSize = 4;
        cdf.LegendText = "Cumulative share of paths";

        Mark(plot, (double)c.P10.Value, "P10 " + Figures.CompactMoney((double)c.P10.Value), ChartStyle.SkyBlue, LinePattern.Dashed);
        Mark(plot, (double)c.P50.Value, "P50 " + Figures.CompactMoney((double)c.P50.Value), ChartStyle.Vermillion, LinePattern.Solid);
        Mark(plot, (double)c.P90.Value, "P90 " + Figures.CompactMoney((double)c.P90.Value), ChartStyle.ReddishPurple, LinePattern.Dashed);
        Mark(plot, (double)c.Mean.Value, "Mean " + Figures.CompactMoney((double)c.Mean.Value), ChartStyle.Black, LinePattern.Dotted);

        ChartStyle.DollarTicksBottom(plot);
        var lo = Math.Min(xs.Min(), (double)c.Mean.Value);
        var hi = Math.Max(xs.Max(), (double)c.Mean.Value);
        var pad = hi > lo ? (hi - lo) * 0.05 : Math.Max(1, Math.Abs(hi) * 0.1);
        plot.Axes.SetLimits(lo - pad, hi + pad, 0, 105);
        plot.ShowLegend(Alignment.LowerRight);
        return (plot, title);
    }

    private static void Mark(Plot plot, double x, string label, Color color, LinePattern pattern)
    {
        var line = plot.Add.VerticalLine(x);
        line.LineColor = color;
        line.LineWidth = 1.5f;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
