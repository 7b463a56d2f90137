namespace Recommit.Reports;

/// <summary>
/// One section of the report, shared by the Markdown and HTML renderers: a heading, Markdown before the chart,
/// the chart's file name (see <see cref="Charts.ChartSet"/>) if any, and Markdown after it. All untrusted text
/// in the Markdown is already escaped.
/// </summary>
internal sealed record ReportSection(string Id, string Title, string Lead, string? Chart, string Details);
