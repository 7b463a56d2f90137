using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Fees;
using Recommit.Money;
using Recommit.Reports.Html;
using Recommit.Reports.Markdown;
using Recommit.Reports.Tests.Fixtures;
using Recommit.Time;

namespace Recommit.Reports.Tests;

/// <summary>The report's quote section (docs/method.md §9): the fees, the verdict, the window effect, and a hostile package name escaped.</summary>
public class QuoteSectionTests
{
    private static Distribution Exactly(decimal value) => new(new Usd(value), new Usd(value), new Usd(value), new Usd(value));

    /// <summary>Example 7's figures in dollars: 12 months saves −210,000 and pays nothing; 24 months saves 606,000.</summary>
    internal static FeeQuote Example7(string package) => new(
        package, new YearMonth(2026, 7), new Usd(1_800_000m), new Usd(30_000m), 0.25m, 24,
        new WindowFee(24, new YearMonth(2028, 6), Exactly(606_000m), Exactly(151_500m), 0, false),
        [
            new WindowFee(12, new YearMonth(2027, 6), Exactly(-210_000m), Exactly(0m), 1, false),
            new WindowFee(24, new YearMonth(2028, 6), Exactly(606_000m), Exactly(151_500m), 0, false),
        ],
        1.0, "fixed", "Over the 24 months after signing, a 25% gainshare is expected to cost $151,500.00 against a fixed fee of $30,000.00: the numbers favour the fixed fee.",
        1, ImmutableArray.Create("fees"));

    [Fact]
    public void The_quote_section_shows_both_fees_the_verdict_and_the_window_effect()
    {
        var md = MarkdownReport.Render(SampleAnalysis.Create() with { Quote = Example7("Package A") });

        string[] expected =
        [
            "## Quote: fixed fee or gainshare",
            "- Fixed fee: $30,000.00 for an annual commitment of $1,800,000.00 (default fee tiers",
            "the numbers favour the fixed fee.",
            "| 12 months | 2027-06 | -$210,000.00 | -$210,000.00 to -$210,000.00 | $0.00 | $0.00 | 100.0% |",
            "| 24 months | 2028-06 | $606,000.00 | $606,000.00 to $606,000.00 | $151,500.00 | $151,500.00 | 0.0% |",
        ];
        Assert.All(expected, line => Assert.Contains(line, md, StringComparison.Ordinal));
    }

    [Fact]
    public void Simulated_window_figures_have_three_significant_figures_and_no_probability_short_of_certainty_reads_100_percent()
    {
        var savings = new Distribution(new Usd(683_412.37m), new Usd(401_977.12m), new Usd(690_000m), new Usd(940_551.5m));
        var fee = new Distribution(new Usd(218_506.32m), new Usd(100_494.28m), new Usd(172_500m), new Usd(235_137.88m));
        var window = new WindowFee(24, new YearMonth(2028, 6), savings, fee, 0.9996, false);
        var quote = Example7("Package A") with { GainshareWindow = window, Windows = [window with { ProbabilityNoFee = 0.0004 }], Paths = 10_000 };

        var md = MarkdownReport.Render(SampleAnalysis.Create() with { Quote = quote });

        Assert.Contains("| 24 months | 2028-06 | $683,000 | $402,000 to $941,000 | $219,000 | $235,000 | under 0.1% |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void No_quote_section_without_a_negotiation() =>
        Assert.DoesNotContain("Quote: fixed fee or gainshare", MarkdownReport.Render(SampleAnalysis.Create()), StringComparison.Ordinal);

    [Fact]
    public void A_hostile_package_name_is_escaped_in_markdown_and_html()
    {
        var analysis = SampleAnalysis.Create() with { Quote = Example7("<script>alert(1)</script>") };

        Assert.DoesNotContain("<script>alert(1)", MarkdownReport.Render(analysis), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", HtmlReport.Render(analysis), StringComparison.Ordinal);
    }
}
