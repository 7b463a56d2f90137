using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Negotiation;
using Recommit.Reports.Internals;

namespace Recommit.Reports.Charts;

/// <summary>
/// The report's charts rendered to SVG with ScottPlot: the burn-down with the forecast fan, the monthly gap
/// ratios with the ±τ band and the verdict, the lever waterfall, and the distribution of the cost of doing nothing; with
/// a negotiation, the scenario comparison, the savings-vs-commitment curve with the zone shaded, and the Pareto frontier.
/// The CLI writes them beside the report under <see cref="BurnDown"/>, <see cref="Gap"/>, <see cref="Levers"/> and
/// <see cref="CostOfDoingNothing"/>.
/// </summary>
public static class ChartSet
{
    public const string BurnDown = "burn-down.svg";
    public const string Gap = "gap.svg";
    public const string Levers = "levers.svg";
    public const string CostOfDoingNothing = "cost-of-doing-nothing.svg";
    public const string Scenarios = "scenarios.svg";
    public const string Pareto = "pareto.svg";
    public const string Savings = "savings-vs-commitment.svg";

    /// <summary>The four charts, in report order: gap, burn-down, levers, cost of doing nothing.</summary>
    public static ImmutableArray<Chart> Render(AnalysisResult analysis) => Render(analysis, ChartStyle.FontFamily);

    /// <summary>Renders with a given font family (tests use a family that is not installed).</summary>
    internal static ImmutableArray<Chart> Render(AnalysisResult analysis, string fontFamily)
    {
        analysis = AnalysisShape.Normalise(analysis);
        ImmutableArray<Chart> charts =
        [
            Svg(Gap, GapChart.Build(analysis, fontFamily)),
            Svg(BurnDown, BurnDownChart.Build(analysis, fontFamily)),
            Svg(Levers, LeverWaterfallChart.Build(analysis, fontFamily)),
            Svg(CostOfDoingNothing, CostOfDoingNothingChart.Build(analysis, fontFamily)),
        ];
        // The negotiation's three charts when the analysis carries one (docs/negotiation.md).
        return analysis.Negotiation is { } n ? [.. charts, .. Negotiation(n, fontFamily)] : charts;
    }

    /// <summary>The negotiation's three charts (those <c>brief.md</c> links): scenarios, savings vs commitment, Pareto.</summary>
    public static ImmutableArray<Chart> Negotiation(NegotiationResult negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return Negotiation(negotiation, ChartStyle.FontFamily);
    }

    private static ImmutableArray<Chart> Negotiation(NegotiationResult n, string fontFamily) =>
    [
        Svg(Scenarios, ScenarioComparisonChart.Build(n, fontFamily)),
        Svg(Savings, SavingsCurveChart.Build(n, fontFamily)),
        Svg(Pareto, ParetoChart.Build(n, fontFamily)),
    ];

    private static Chart Svg(string fileName, (ScottPlot.Plot Plot, string Title) chart) =>
        new(fileName, chart.Title, SvgDocument.Normalise(chart.Plot.GetSvgXml(ChartStyle.Width, ChartStyle.Height), ChartStyle.Width, ChartStyle.Height));
}
