using System.Text;
using Recommit.Analysis;

namespace Recommit.Reports.Markdown;

/// <summary>
/// The report as Markdown (<c>report.md</c>): the verdict and its sentence, the gap table and evidence, the ledger,
/// the forecast, the lever waterfall, the cost of doing nothing, usage, assumptions, and the backtest appendix.
/// Charts are linked as the SVG files <see cref="ReportWriter"/> writes beside it. Untrusted text is escaped.
/// </summary>
public static class MarkdownReport
{
    public static string Render(AnalysisResult analysis)
    {
        var content = ReportContent.Build(analysis);
        var sb = new StringBuilder();
        sb.Append("# ").Append(content.Title).Append("\n\n");
        sb.Append(content.Subtitle).Append("\n\n");
        foreach (var s in content.Sections)
        {
            sb.Append("## ").Append(s.Title).Append("\n\n");
            if (s.Lead.Length > 0) sb.Append(s.Lead.TrimEnd('\n')).Append("\n\n");
            if (s.Chart is not null) sb.Append("![").Append(s.Title).Append("](").Append(s.Chart).Append(")\n\n");
            if (s.Details.Length > 0) sb.Append(s.Details.TrimEnd('\n')).Append("\n\n");
        }
        sb.Append("---\n\n").Append(content.Footer).Append('\n');
        return sb.ToString();
    }
}
