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
