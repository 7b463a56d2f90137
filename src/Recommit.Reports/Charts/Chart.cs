namespace Recommit.Reports.Charts;

/// <summary>One rendered chart: the file name it is written under (e.g. <c>burn-down.svg</c>), its title, and the SVG document.</summary>
public sealed record Chart(string FileName, string Title, string Svg);
