using System.Collections.Immutable;
using System.Text;
using Recommit.Analysis;
using Recommit.Reports.Charts;
using Recommit.Reports.Html;
using Recommit.Reports.Json;
using Recommit.Reports.Markdown;

namespace Recommit.Reports;

/// <summary>
/// Writes the whole report of one analysis into a folder: <c>report.html</c>, <c>report.md</c>, <c>analysis.json</c>,
/// <c>brief.md</c> when the analysis carries a negotiation, and the chart SVGs (<see cref="ChartSet"/>) beside them,
/// UTF-8 without a byte-order mark.
/// </summary>
public static class ReportWriter
{
    public const string HtmlFile = "report.html";
    public const string MarkdownFile = "report.md";
    public const string JsonFile = "analysis.json";
    public const string BriefFile = "brief.md";
    public const string NegotiationFile = "negotiation.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every file into <paramref name="outDir"/> (created when missing) and returns the paths written.</summary>
    public static ImmutableArray<string> WriteAll(AnalysisResult analysis, string outDir)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var charts = ChartSet.Render(analysis);
        var written = ImmutableArray.CreateBuilder<string>();
        written.Add(Write(outDir, HtmlFile, HtmlReport.Render(analysis, charts)));
        written.Add(Write(outDir, MarkdownFile, MarkdownReport.Render(analysis)));
        written.Add(Write(outDir, JsonFile, AnalysisJson.Serialize(analysis)));
        if (analysis.Negotiation is not null) written.Add(Write(outDir, BriefFile, NegotiationBrief.Markdown(analysis)));
        foreach (var chart in charts) written.Add(Write(outDir, chart.FileName, chart.Svg));
        return written.ToImmutable();
    }

    /// <summary>
    /// Writes the negotiation alone into <paramref name="outDir"/> (what <c>recommit scenarios --out</c> gives):
    /// <c>brief.md</c>, <c>negotiation.json</c> and the three charts the brief links. Returns the paths written.
    /// </summary>
    public static ImmutableArray<string> WriteNegotiation(AnalysisResult analysis, string outDir)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var negotiation = analysis.Negotiation ?? throw new ArgumentException("the analysis carries no negotiation", nameof(analysis));
        Directory.CreateDirectory(outDir);
        var written = ImmutableArray.CreateBuilder<string>();
        written.Add(Write(outDir, BriefFile, NegotiationBrief.Markdown(analysis)));
        written.Add(Write(outDir, NegotiationFile, NegotiationJson.Serialize(negotiation)));
        foreach (var chart in ChartSet.Negotiation(negotiation)) written.Add(Write(outDir, chart.FileName, chart.Svg));
        return written.ToImmutable();
    }

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text, Utf8);
        return path;
    }
}
