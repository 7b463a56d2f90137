using System.Text.RegularExpressions;
using Recommit.Analysis;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Reports.Markdown;
using Recommit.Reports.Tests.Fixtures;

namespace Recommit.Reports.Tests;

/// <summary>
/// Outputs people act on read right (issue 15.6): simulated figures to the precision their uncertainty supports,
/// ledger figures to the cent, p-values never "p = 0", the forecast table inside the valuation window, tables narrow
/// enough for a 1,200 px screen and A4, and levers shown as what they do to the cost of doing nothing.
/// </summary>
public partial class ReadableFiguresTests
{
    private static string Markdown(AnalysisResult a) => MarkdownReport.Render(a);

    [Theory]
    [InlineData(453_394.12, "$453,000")]
    [InlineData(1_540_081.60, "$1,540,000")]
    [InlineData(-260_821.49, "-$261,000")]
    [InlineData(999.6, "$1,000")]
    [InlineData(12.345, "$12.30")]
    [InlineData(0.5678, "$0.57")]
    public void Simulated_dollars_are_shown_to_three_significant_figures(double value, string shown) =>
        Assert.Equal(shown, new Usd((decimal)value).ToSignificant(3).ToShortString());

    [Fact]
    public void Simulated_figures_lose_their_false_cents_while_ledger_figures_keep_theirs()
    {
        var md = Markdown(SampleAnalysis.Create());

        // The cost of doing nothing and the projection are simulated; the ledger's consumption is a bill.
        Assert.Contains("Cost of doing nothing: **$284,000** median (P10 $208,000, P90 $378,000)", md, StringComparison.Ordinal);
        Assert.Contains("consumption minus commitment): +$386,000", md, StringComparison.Ordinal);
        Assert.DoesNotContain("$291,734.13", md, StringComparison.Ordinal);
        Assert.Contains("consumed $926,400.00 at committed rates", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_p_value_below_a_thousandth_reads_p_below_0_001_not_p_equals_0()
    {
        var a = SampleAnalysis.Create();
        a = a with { Gap = a.Gap with { MannKendallPValue = 2.6e-6 } };

        var md = Markdown(a);

        Assert.Contains("(p < 0.001)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("p = 0)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forecast_table_stops_at_the_end_of_the_term()
    {
        var a = SampleAnalysis.Create();
        var end = a.Contract.End.AddMonths(-1);
        var later = new Usd(1m);
        a = a with { Forecast = a.Forecast with { Months = [.. a.Forecast.Months, new ForecastMonth(end.AddMonths(1), null, later, later, later, later, later, later)] } };

        var forecast = Section(Markdown(a), "## Forecast");

        Assert.Contains($"| {end} |", forecast, StringComparison.Ordinal);
        Assert.DoesNotContain($"| {end.AddMonths(1)} |", forecast, StringComparison.Ordinal);
        Assert.Contains($"to the end of the term in {end}", forecast, StringComparison.Ordinal);
    }

    [Fact]
    public void No_report_table_is_wider_than_nine_columns()
    {
        // The periods table had 13 columns and lost Bill and Status off a 1,200 px screen; split, each fits.
        var md = Markdown(SampleAnalysis.Create());

        var widest = TableHeader().Matches(md).Max(m => m.Value.Split('\n')[0].Count(c => c == '|') - 1);

        Assert.InRange(widest, 2, 9);
        Assert.Contains("| Period | Status | Commitment | Carry-in | List usage | Consumed at committed rates | Bill |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Levers_that_deepen_a_shortfall_are_shown_raising_the_cost_of_doing_nothing()
    {
        var a = SampleAnalysis.Create();
        a = a with
        {
            Levers = a.Levers with { Kinds = [LeverKind.Caching, LeverKind.Batch], CostWithoutLevers = new Usd(250_000m) },
        };

        var line = ReportText.LeverLine(a);

        Assert.StartsWith("Caching and batch lower expected list spend by $1,113,000", line, StringComparison.Ordinal);
        Assert.Contains("but raise the expected cost of doing nothing from $250,000 to $292,000", line, StringComparison.Ordinal);
        Assert.DoesNotContain("routing", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_levers_the_report_says_so_instead_of_a_zero_saving()
    {
        var a = SampleAnalysis.Create();
        a = a with { Levers = a.Levers with { Kinds = [], CostWithoutLevers = null } };

        var md = Markdown(a);

        Assert.Contains("- Levers: none given", md, StringComparison.Ordinal);
        Assert.DoesNotContain("land as planned", md, StringComparison.Ordinal);
        Assert.DoesNotContain("$0.00 less", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_waterfall_changes_are_the_differences_of_the_levels_shown()
    {
        var table = Section(Markdown(SampleAnalysis.Create()), "## Lever waterfall");

        static decimal Parse(string text) => decimal.Parse(text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        var rows = table.Split('\n').Where(l => l.StartsWith("| After", StringComparison.Ordinal) || l.StartsWith("| Baseline", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal(4, rows.Count);
        for (var i = 1; i < rows.Count; i++)
            Assert.Equal(Parse(rows[i][2]) - Parse(rows[i - 1][2]), Parse(rows[i][3]));
        Assert.Contains($"**{new Usd(Parse(rows[3][2]) - Parse(rows[0][2])).ToShortString()}**", table, StringComparison.Ordinal);
    }

    private static string Section(string md, string heading)
    {
        var start = md.IndexOf(heading, StringComparison.Ordinal);
        var end = md.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? md[start..] : md[start..end];
    }

    [GeneratedRegex(@"^\|.*\|$\n^\|(---|:?---:?)", RegexOptions.Multiline)]
    private static partial Regex TableHeader();
}
