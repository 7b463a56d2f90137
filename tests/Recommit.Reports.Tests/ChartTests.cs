using System.Xml.Linq;
using Recommit.Reports.Charts;
using Recommit.Reports.Html;
using Recommit.Reports.Tests.Fixtures;

namespace Recommit.Reports.Tests;

public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_chart_set_has_the_four_named_charts()
    {
        var charts = ChartSet.Render(SampleAnalysis.Create());
        Assert.Equal([ChartSet.Gap, ChartSet.BurnDown, ChartSet.Levers, ChartSet.CostOfDoingNothing], charts.Select(c => c.FileName));
        Assert.Equal(["gap.svg", "burn-down.svg", "levers.svg", "cost-of-doing-nothing.svg"], charts.Select(c => c.FileName));
    }

    [Theory]
    [InlineData("gap.svg", new[] { "Month", "Gap ratio against pace (%)", "Durable overage", "2026-03", "+20.0%" })]
    [InlineData("burn-down.svg", new[] { "Month of the term", "Cumulative US dollars at committed rates", "Commitment (cumulative pace)", "Forecast P10–P90 (after levers)", "2026-03", "$1M", "$500k" })]
    [InlineData("levers.svg", new[] { "List US dollars", "Baseline", "Routing", "Caching", "Batch", "After levers", "−$448.5k" })]
    [InlineData("cost-of-doing-nothing.svg", new[] { "Cost of doing nothing (US dollars)", "Share of paths at or below (%)", "P50 $284k", "10,000" })]
    public void Each_chart_is_svg_xml_with_its_title_axis_labels_and_ticks(string name, string[] expectedText)
    {
        var chart = ChartSet.Render(SampleAnalysis.Create()).Single(c => c.FileName == name);
        var doc = XDocument.Parse(chart.Svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.NotNull(doc.Root.Attribute("viewBox"));
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains(chart.Title, texts);
        foreach (var text in expectedText)
            Assert.True(texts.Any(t => t.Contains(text, StringComparison.Ordinal)), $"{name}: no text element contains '{text}'");
    }

    [Fact]
    public void A_missing_font_falls_back_to_an_installed_one() =>
        Assert.NotEqual("No Such Font Family 12345", Charts.ChartStyle.PickFont(["No Such Font Family 12345"]));

    [Fact]
    public void Charts_use_only_the_okabe_ito_palette_for_data()
    {
        var svg = string.Concat(ChartSet.Render(SampleAnalysis.Create()).Select(c => c.Svg));
        // ScottPlot's default category-10 colours would mean a series escaped the palette.
        foreach (var tab10 in new[] { "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728" })
            Assert.DoesNotContain(tab10, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#D55E00", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#0072B2", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Charts_render_when_the_font_family_is_not_installed()
    {
        var charts = ChartSet.Render(SampleAnalysis.Create(), "No Such Font Family 12345");
        Assert.Equal(4, charts.Length);
        var texts = XDocument.Parse(charts.Single(c => c.FileName == ChartSet.Gap).Svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Month", texts);
        Assert.Contains("Gap ratio against pace (%)", texts);
    }

    [Fact]
    public void Charts_render_for_an_account_with_no_history_and_flat_figures()
    {
        var a = SampleAnalysis.Create();
        var empty = a with
        {
            Ledger = a.Ledger with { Months = [] },
            Gap = a.Gap with { Months = [], RunLength = 0, Class = Recommit.Gap.GapClass.InsufficientEvidence },
            Forecast = a.Forecast with { Months = [] },
            CostOfDoingNothing = new Recommit.Analysis.CostOfDoingNothing(default, default, default, default,
                a.CostOfDoingNothing.Forfeited, a.CostOfDoingNothing.Forfeited, []),
        };
        var charts = ChartSet.Render(empty);
        Assert.All(charts, c => XDocument.Parse(c.Svg));
    }

    [Fact]
    public void Inlined_charts_have_unique_element_ids_in_the_html()
    {
        var html = HtmlReport.Render(SampleAnalysis.Create());
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, html.Split("<svg ").Length - 1);
    }
}
