using ScottPlot;

namespace Recommit.Reports.Charts;

/// <summary>
/// The charts' look: the Okabe–Ito colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2008), sizes,
/// and month/dollar tick labels.
/// </summary>
internal static class ChartStyle
{
    public const int Width = 900;
    public const int Height = 420;

    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");
    public static readonly Color Grey = Color.FromHex("#999999");

    /// <summary>
    /// The first installed sans-serif family of a short list, else the chart library's default. SVG text names its
    /// family; a viewer without it substitutes another, and the text still shows.
    /// </summary>
    public static string FontFamily { get; } = PickFont(["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans"]);

    internal static string PickFont(IEnumerable<string> candidates)
    {
        foreach (var name in candidates)
        {
            using var typeface = SkiaSharp.SKFontManager.Default.MatchFamily(name);
            if (typeface is not null) return name;
        }
        return Fonts.Default;
    }

    /// <summary>A plot with a white background, the given title and axis labels, and readable font sizes.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel, string fontFamily)
    {
        var plot = new Plot();
        plot.Font.Set(fontFamily);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        plot.Font.Set(fontFamily);
        plot.Legend.FontName = fontFamily;
        return plot;
    }

    /// <summary>Left-axis ticks as compact dollars ($1.2M).</summary>
    /// <summary>A grey dashed line at zero: horizontal (y = 0) or vertical (x = 0).</summary>
    public static void ZeroLine(Plot plot, bool vertical = false)
    {
        var line = vertical ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(0) : plot.Add.HorizontalLine(0);
        line.LineColor = Grey;
        line.LinePattern = LinePattern.Dashed;
    }

    public static void DollarTicksLeft(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Internals.Figures.CompactMoney };

    /// <summary>Bottom-axis ticks as compact dollars ($1.2M).</summary>
    public static void DollarTicksBottom(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Internals.Figures.CompactMoney };

    /// <summary>Manual bottom ticks at <paramref name="positions"/> with <paramref name="labels"/>.</summary>
    public static void ManualTicksBottom(Plot plot, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>Every n-th index so that at most <paramref name="maxLabels"/> labels show.</summary>
    public static int LabelStep(int count, int maxLabels) => Math.Max(1, (int)Math.Ceiling(count / (double)maxLabels));
}
