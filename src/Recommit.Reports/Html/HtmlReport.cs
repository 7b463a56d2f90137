using System.Collections.Immutable;
using System.Net;
using System.Text;
using Markdig;
using Recommit.Analysis;
using Recommit.Reports.Charts;
using Recommit.Reports.Internals;

namespace Recommit.Reports.Html;

/// <summary>
/// The report as one self-contained HTML document (<c>report.html</c>): inline CSS, the charts inlined as SVG, no
/// scripts and no external resources, so it opens offline and prints cleanly (light colours, each section on a new
/// page, charts scaled to the page width). The text is the same as <see cref="Markdown.MarkdownReport"/>'s, rendered
/// with Markdig with raw HTML disabled; untrusted text is escaped before that (docs/quality.md R5), and a Content Security
/// Policy forbids scripts as a second line of defence.
/// </summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>Renders the report, rendering the charts with <see cref="ChartSet.Render(AnalysisResult)"/>.</summary>
    public static string Render(AnalysisResult analysis) => Render(analysis, ChartSet.Render(analysis));

    /// <summary>Renders the report with charts already rendered (so a writer renders them once for the page and the SVG files).</summary>
    public static string Render(AnalysisResult analysis, ImmutableArray<Chart> charts)
    {
        analysis = AnalysisShape.Normalise(analysis);
        var content = ReportContent.Build(analysis);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(WebUtility.HtmlEncode("Recommit analysis: " + analysis.Account)).Append("</title>\n");
        sb.Append("<style>\n").Append(Stylesheet).Append("</style>\n</head>\n<body>\n<header>\n");
        sb.Append(Markdig.Markdown.ToHtml("# " + content.Title + "\n\n" + content.Subtitle + "\n", Pipeline));
        sb.Append("<nav><ul>");
        foreach (var s in content.Sections)
            sb.Append("<li><a href=\"#").Append(s.Id).Append("\">").Append(WebUtility.HtmlEncode(s.Title)).Append("</a></li>");
        sb.Append("</ul></nav>\n</header>\n<main>\n");
        AppendSections(sb, content.Sections, charts);
        sb.Append("</main>\n<footer>\n").Append(Markdig.Markdown.ToHtml(content.Footer, Pipeline)).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The report's sections as HTML <c>&lt;section&gt;</c> elements with their charts inlined, for a page that embeds
    /// them (the web app); <paramref name="ids"/> picks sections by id (verdict, gap, ledger, forecast, levers,
    /// cost-of-doing-nothing, usage, assumptions, backtest), all when null.
    /// </summary>
    public static string RenderSections(AnalysisResult analysis, ImmutableArray<Chart> charts, IReadOnlyCollection<string>? ids = null)
    {
        var content = ReportContent.Build(AnalysisShape.Normalise(analysis));
        var sb = new StringBuilder();
        AppendSections(sb, ids is null ? content.Sections : [.. content.Sections.Where(s => ids.Contains(s.Id))], charts);
        return sb.ToString();
    }

    private static void AppendSections(StringBuilder sb, ImmutableArray<ReportSection> sections, ImmutableArray<Chart> charts)
    {
        var byName = charts.ToDictionary(c => c.FileName, StringComparer.Ordinal);
        foreach (var s in sections)
        {
            sb.Append("<section id=\"").Append(s.Id).Append("\">\n<h2>").Append(WebUtility.HtmlEncode(s.Title)).Append("</h2>\n");
            if (s.Lead.Length > 0) sb.Append(Markdig.Markdown.ToHtml(s.Lead, Pipeline));
            if (s.Chart is not null && byName.TryGetValue(s.Chart, out var chart))
            {
                var id = Path.GetFileNameWithoutExtension(chart.FileName);
                sb.Append("<figure class=\"chart\">\n")
                  .Append(StripNamespaces(SvgDocument.Inline(chart.Svg, id + "-", chart.Title)))
                  .Append("\n</figure>\n");
            }
            if (s.Details.Length > 0) sb.Append(Markdig.Markdown.ToHtml(s.Details, Pipeline));
            sb.Append("</section>\n");
        }
    }

    // Inside HTML the SVG namespace is implied; dropping the declarations leaves the page without any http: text.
    private static string StripNamespaces(string svg) =>
        svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal)
           .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", StringComparison.Ordinal);

    private const string Stylesheet = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #1a1a1a;
               background: #fff; max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 1.75rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.3rem; margin: 0 0 .6rem; color: #0b3d66; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        header p { color: #444; margin: 0 0 .8rem; }
        nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; }
        nav a { color: #0072B2; text-decoration: none; }
        section { margin-top: 1.8rem; border-top: 1px solid #d9d9d9; padding-top: 1.1rem; }
        blockquote { font-size: 1.15rem; margin: .4rem 0 .8rem; padding: .6rem 1rem; border-left: 5px solid #0072B2; background: #f3f8fc; }
        blockquote p { margin: 0; }
        table { border-collapse: collapse; font-size: .82rem; margin: .4rem 0 1rem; display: block; overflow-x: auto; max-width: 100%; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; font-variant-numeric: tabular-nums; }
        th { background: #f2f2f2; text-align: left; font-weight: 600; vertical-align: bottom; white-space: normal; }
        tr:nth-child(even) td { background: #fafafa; }
        figure.chart { margin: .6rem 0 1rem; }
        figure.chart svg { display: block; width: 100%; max-width: 900px; height: auto; }
        footer { margin-top: 2rem; border-top: 1px solid #d9d9d9; font-size: .8rem; color: #555; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; color: #000; background: #fff; }
          nav { display: none; }
          section { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
          section#verdict { break-before: auto; }
          blockquote, th, tr:nth-child(even) td { background: none; }
          table { display: table; font-size: 7pt; overflow: visible; }
          th, td { padding: 2px 4px; }
          tr, figure { break-inside: avoid; }
          figure.chart svg { max-width: 100%; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
