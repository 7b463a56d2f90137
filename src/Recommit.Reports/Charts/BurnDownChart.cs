using Recommit.Analysis;
using Recommit.Reports.Internals;
using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>
/// The burn-down (docs/method.md §2, §6): cumulative consumption at committed rates against the cumulative commitment over the
/// term, with the forecast fan after levers (P10–P90 band and P50 line) and the baseline P50 from the last actual
/// month. The band adds the monthly percentiles, so it is a little wider than the percentiles of the cumulative sum.
/// </summary>
internal static class BurnDownChart
{
    public static (Plot, string) Build(AnalysisResult a, string font)
    {
        const string title = "Burn-down: cumulative consumption against the commitment";
        var plot = ChartStyle.NewPlot(title, "Month of the term", "Cumulative US dollars at committed rates", font);
        var c = a.Contract;
        var rate = (double)(1m - c.CommittedDiscount);
        var term = c.TermMonths;

        // Cumulative commitment, spread evenly over each period's months.
        var commitX = new List<double> { 0 };
        var commitY = new List<double> { 0 };
        double cum = 0;
        foreach (var p in c.Periods)
        {
            var perMonth = (double)p.Commitment.Value / p.Months;
            for (var j = 0; j < p.Months; j++)
            {
                cum += perMonth;
                commitX.Add(commitX.Count);
                commitY.Add(cum);
            }
        }
        var commitment = plot.Add.ScatterLine(commitX.ToArray(), commitY.ToArray());
        commitment.Color = ChartStyle.Black;
        commitment.LineWidth = 2;
        commitment.LinePattern = LinePattern.Dashed;
        commitment.LegendText = "Commitment (cumulative pace)";

        // Actual cumulative consumption at committed rates.
        var actualX = new List<double> { 0 };
        var actualY = new List<double> { 0 };
        double consumed = 0;
        var last = c.Start.AddMonths(-1);
        foreach (var m in a.Ledger.Months.OrderBy(m => m.Month))
        {
            var x = c.Start.MonthsUntil(m.Month) + 1;
            if (x < 1 || x > term) continue;
            consumed += (double)m.ConsumedAtCommittedRates.Value;
            actualX.Add(x);
            actualY.Add(consumed);
            last = m.Month;
        }

        // Forecast fan from the last actual month to the end of the term.
        var fanX = new List<double> { actualX[^1] };
        double lo = consumed, mid = consumed, hi = consumed, basePoint = consumed;
        var fanLo = new List<double> { lo };
        var fanMid = new List<double> { mid };
        var fanHi = new List<double> { hi };
        var baseMid = new List<double> { basePoint };
        foreach (var f in a.Forecast.Months.Where(f => f.Actual is null && f.Month > last).OrderBy(f => f.Month))
        {
            var x = c.Start.MonthsUntil(f.Month) + 1;
            if (x < 1 || x > term) continue;
            lo += (double)f.AfterLeversP10.Value * rate;
            mid += (double)f.AfterLeversP50.Value * rate;
            hi += (double)f.AfterLeversP90.Value * rate;
            basePoint += (double)f.BaselineP50.Value * rate;
            fanX.Add(x); fanLo.Add(lo); fanMid.Add(mid); fanHi.Add(hi); baseMid.Add(basePoint);
        }
        if (fanX.Count > 1)
        {
            var band = plot.Add.FillY(fanX.ToArray(), fanLo.ToArray(), fanHi.ToArray());
            band.FillColor = ChartStyle.SkyBlue.WithAlpha(0.35);
            band.LineWidth = 0;
            band.LegendText = "Forecast P10–P90 (after levers)";
            var median = plot.Add.ScatterLine(fanX.ToArray(), fanMid.ToArray());
            median.Color = ChartStyle.Blue;
            median.LineWidth = 2;
            median.LegendText = "Forecast P50 (after levers)";
            var baseline = plot.Add.ScatterLine(fanX.ToArray(), baseMid.ToArray());
            baseline.Color = ChartStyle.Orange;
            baseline.LineWidth = 2;
            baseline.LinePattern = LinePattern.Dotted;
            baseline.LegendText = "Forecast P50 (baseline, no levers)";
        }

        var actual = plot.Add.Scatter(actualX.ToArray(), actualY.ToArray());
        actual.Color = ChartStyle.Vermillion;
        actual.LineWidth = 2.5f;
        actual.MarkerSize = 5;
        actual.LegendText = "Consumed at committed rates";

        // The as-of date.
        var asOf = c.Start.MonthsUntil(Time.YearMonth.Of(a.AsOf)) + (a.AsOf.Day - 1) / (double)Time.YearMonth.Of(a.AsOf).DaysInMonth;
        if (asOf >= 0 && asOf <= term)
        {
            var line = plot.Add.VerticalLine(asOf);
            line.LineColor = ChartStyle.Grey;
            line.LineWidth = 1;
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = "As of " + Figures.Day(a.AsOf);
        }

        // Period boundaries.
        var boundary = 0;
        foreach (var p in c.Periods.Take(c.Periods.Length - 1))
        {
            boundary += p.Months;
            var line = plot.Add.VerticalLine(boundary);
            line.LineColor = ChartStyle.Grey.WithAlpha(0.6);
            line.LineWidth = 1;
        }

        var step = ChartStyle.LabelStep(term + 1, 12);
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i <= term; i += step)
        {
            positions.Add(i);
            labels.Add(c.Start.AddMonths(i).ToString());
        }
        ChartStyle.ManualTicksBottom(plot, positions, labels);
        ChartStyle.DollarTicksLeft(plot);
        var top = new[] { commitY[^1], actualY.Max(), fanHi.Max() }.Max();
        plot.Axes.SetLimits(-0.2, Math.Max(term, 1) + 0.8, 0, top > 0 ? top * 1.05 : 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return (plot, title);
    }
}
