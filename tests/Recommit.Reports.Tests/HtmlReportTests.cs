using System.Text.RegularExpressions;
using Recommit.Reports.Html;
using Recommit.Reports.Tests.Fixtures;

namespace Recommit.Reports.Tests;

public class HtmlReportTests
{
    private static readonly string Html = HtmlReport.Render(SampleAnalysis.Create());

    [Fact]
    public void The_html_references_nothing_outside_itself()
    {
        Assert.DoesNotContain("http:", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
        // Every src/href points inside the document.
        foreach (Match m in Regex.Matches(Html, "(?:src|href)=\"([^\"]*)\""))
            Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_has_every_section_with_its_chart_inline()
    {
        foreach (var id in new[] { "verdict", "gap", "ledger", "forecast", "levers", "cost-of-doing-nothing", "usage", "assumptions", "backtest" })
            Assert.Contains($"<section id=\"{id}\">", Html, StringComparison.Ordinal);
        Assert.Contains("<h2>Verdict: Durable overage</h2>", Html, StringComparison.Ordinal);
        Assert.Contains("<table>", Html, StringComparison.Ordinal);
        Assert.Contains("$386,000", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_prints_with_page_breaks_and_no_dark_backgrounds()
    {
        Assert.Contains("@media print", Html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", Html, StringComparison.Ordinal);
        foreach (Match m in Regex.Matches(Html, "background(?:-color)?:\\s*#([0-9a-fA-F]{3,6})"))
        {
            var hex = m.Groups[1].Value;
            if (hex.Length == 3) hex = string.Concat(hex.Select(c => $"{c}{c}"));
            var luminance = (0.2126 * Convert.ToInt32(hex[..2], 16) + 0.7152 * Convert.ToInt32(hex[2..4], 16) + 0.0722 * Convert.ToInt32(hex[4..], 16)) / 255;
            Assert.True(luminance > 0.85, $"background #{m.Groups[1].Value} is dark");
        }
    }

    [Fact]
    public void The_html_is_well_formed_enough_to_parse_its_inline_svgs()
    {
        foreach (Match m in Regex.Matches(Html, "<svg .*?</svg>", RegexOptions.Singleline))
            System.Xml.Linq.XElement.Parse(m.Value.Replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", StringComparison.Ordinal));
    }
}
