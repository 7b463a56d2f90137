using Recommit.Reports.Html;
using Recommit.Reports.Markdown;
using Recommit.Reports.Tests.Fixtures;

namespace Recommit.Reports.Tests;

/// <summary>docs/quality.md R5: untrusted text (account, contract, workspace and model names, notes) is shown escaped.</summary>
public class EscapingTests
{
    private static readonly string Html = HtmlReport.Render(SampleAnalysis.Hostile());
    private static readonly string Md = MarkdownReport.Render(SampleAnalysis.Hostile());

    [Theory]
    [InlineData("<script")]
    [InlineData("<img")]
    [InlineData("onerror=alert(1)>")]
    [InlineData("<iframe")]
    [InlineData("<b>")]
    [InlineData("href=\"javascript:")]
    public void Hostile_text_never_reaches_the_html_as_markup(string markup) =>
        Assert.DoesNotContain(markup, Html, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Hostile_text_is_shown_as_escaped_text_in_the_html()
    {
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", Html, StringComparison.Ordinal);
        Assert.Contains("<title>Recommit analysis: &lt;script&gt;alert(1)&lt;/script&gt;</title>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_forbids_scripts_in_its_content_security_policy() =>
        Assert.Contains("default-src 'none'", Html, StringComparison.Ordinal);

    [Theory]
    [InlineData("<script")]
    [InlineData("<img")]
    [InlineData("<iframe")]
    [InlineData("<b>")]
    public void Hostile_text_is_entity_escaped_in_the_markdown(string markup) =>
        Assert.DoesNotContain(markup, Md, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void A_pipe_in_a_model_name_does_not_break_the_markdown_table()
    {
        var row = Md.Split('\n').Single(l => l.Contains("pipe", StringComparison.Ordinal));
        Assert.Contains("\\|", row, StringComparison.Ordinal);
        // Four cells: workspace, model, dollars, share; escaped pipes do not count as separators.
        Assert.Equal(5, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Markdown_escaping_turns_markup_into_entities_and_punctuation_into_literals()
    {
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", MarkdownText.Escape("<script>alert(1)</script>"));
        Assert.Equal("\\[x\\](javascript:alert(1)) a\\|b \\*c\\*", MarkdownText.Escape("[x](javascript:alert(1)) a|b *c*"));
        Assert.Equal("two lines", MarkdownText.Escape("two\nlines"));
    }
}
