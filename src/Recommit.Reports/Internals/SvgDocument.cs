using System.Globalization;
using System.Text.RegularExpressions;

namespace Recommit.Reports.Internals;

/// <summary>Small fix-ups of the SVG the chart library writes, so it scales in a page and several can share one HTML document.</summary>
internal static partial class SvgDocument
{
    /// <summary>Adds a <c>viewBox</c> to the root element so the chart scales with CSS width.</summary>
    public static string Normalise(string svg, int width, int height)
    {
        var i = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (i < 0) throw new InvalidOperationException("the chart library returned no <svg> element");
        if (svg.IndexOf("viewBox", i, StringComparison.Ordinal) is var v && v >= 0 && v < svg.IndexOf('>', i)) return svg;
        return svg[..(i + 4)] + string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\"") + svg[(i + 4)..];
    }

    /// <summary>
    /// The SVG as an element to inline in HTML: no XML declaration, element ids prefixed with <paramref name="prefix"/>
    /// (clip paths of two charts must not collide), a role and an accessible label.
    /// </summary>
    public static string Inline(string svg, string prefix, string label)
    {
        var i = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = svg[i..];
        body = IdAttribute().Replace(body, m => $" id=\"{prefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{prefix}{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
        var encoded = System.Net.WebUtility.HtmlEncode(label);
        return "<svg role=\"img\" aria-label=\"" + encoded + "\"" + body[4..];
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("(href|xlink:href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
