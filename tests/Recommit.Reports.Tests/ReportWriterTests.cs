using Recommit.Reports.Tests.Fixtures;

namespace Recommit.Reports.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "recommit-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Writes_the_html_markdown_json_and_the_four_charts()
    {
        var written = ReportWriter.WriteAll(SampleAnalysis.Create(), _dir);
        var names = written.Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["analysis.json", "burn-down.svg", "cost-of-doing-nothing.svg", "gap.svg", "levers.svg", "report.html", "report.md"], names);
        foreach (var path in written)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 200, $"{path} is nearly empty");
            Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{path} starts with a byte-order mark");
        }
        Assert.Equal(Markdown.MarkdownReport.Render(SampleAnalysis.Create()), File.ReadAllText(Path.Combine(_dir, "report.md")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}

public class RobustnessTests
{
    [Fact]
    public void A_partly_filled_analysis_with_default_arrays_and_infinite_ratios_still_renders_everything()
    {
        var a = Fixtures.SampleAnalysis.Create();
        var partial = a with
        {
            Ledger = new Recommit.Contracts.LedgerResult(default, default),
            Gap = a.Gap with { Months = [new Recommit.Gap.GapMonth(new Recommit.Time.YearMonth(2026, 10), new Recommit.Money.Usd(5m), Recommit.Money.Usd.Zero, double.PositiveInfinity)] },
            Forecast = a.Forecast with { Months = default, Warnings = default },
            CostOfDoingNothing = a.CostOfDoingNothing with { Percentiles = default },
            Usage = default,
            Notes = default,
            Backtest = null,
        };
        var md = Markdown.MarkdownReport.Render(partial);
        Assert.Contains("n/a", md, StringComparison.Ordinal);
        Assert.Contains("No backtest", md, StringComparison.Ordinal);
        Assert.Contains("<section id=\"ledger\">", Html.HtmlReport.Render(partial), StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(Json.AnalysisJson.Serialize(partial));
        Assert.Equal(0, doc.RootElement.GetProperty("ledger").GetProperty("months").GetArrayLength());
        Assert.Equal("Infinity", doc.RootElement.GetProperty("gap").GetProperty("evidence").GetProperty("months")[0].GetProperty("gapRatio").GetString());
    }
}
