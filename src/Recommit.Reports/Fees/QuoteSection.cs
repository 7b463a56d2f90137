using System.Globalization;
using System.Text;
using Recommit.Analysis;
using Recommit.Money;
using Recommit.Reports.Internals;
using Recommit.Reports.Markdown;
using Recommit.Simulation;

namespace Recommit.Reports.Fees;

/// <summary>
/// The report's quote section (docs/method.md §9; docs/fees.md): the fixed fee against gainshare for the recommended
/// package, the one-sentence verdict, and the window table that shows how the gainshare window changes what is paid.
/// </summary>
internal static class QuoteSection
{
    /// <summary>The section, or none when the analysis ran no negotiation.</summary>
    public static IEnumerable<ReportSection> For(AnalysisResult a)
    {
        if (a.Quote is not { } q) yield break;
        var lead = new StringBuilder(MarkdownText.Escape(q.Sentence)).Append('\n');
        var sb = new StringBuilder();
        sb.Append("- Fixed fee: ").Append(Figures.Money(q.FixedFee)).Append(" for an annual commitment of ").Append(Figures.Money(q.AnnualCommit))
          .Append(q.Defaulted.IsEmpty ? " (from the assumptions file's fee tiers)\n" : " (default fee tiers: $18,000 from $0, rising with the annual commitment)\n");
        sb.Append("- Gainshare: ").Append((q.Share * 100m).ToString("0.##", CultureInfo.InvariantCulture)).Append("% of verified savings over the ")
          .Append(q.WindowMonths.ToString(CultureInfo.InvariantCulture)).Append(" months after signing, no retainer; a negative cumulative saving pays nothing")
          .Append(q.Defaulted.IsEmpty ? "\n" : " (default share and window)\n");
        if (q.Package is { } package)
        {
            string Sim(Usd value) => SimulatedFigure.Text(value, q.Paths);
            sb.Append("- Package: ").Append(MarkdownText.Escape(package)).Append(", signed ").Append(q.Signed).Append("; verified savings simulated on ")
              .Append(q.Paths.ToString("N0", CultureInfo.InvariantCulture)).Append(" paths\n\n");
            var table = new MarkdownTable(
                ["Window", "Through", "E[verified savings]", "P10–P90 savings", "E[gainshare fee]", "P90 fee", "P(no fee)"],
                [false, false, true, true, true, true, true]);
            foreach (var w in q.Windows)
            {
                table.Row($"{w.Months} months{(w.Truncated ? " (paths end first)" : "")}", w.Last.ToString(), Sim(w.Savings.Mean),
                    $"{Sim(w.Savings.P10)} to {Sim(w.Savings.P90)}", Sim(w.Fee.Mean), Sim(w.Fee.P90), Figures.Probability(w.ProbabilityNoFee));
            }
            sb.Append(table.Render()).Append('\n');
            sb.Append("A stub true-up and the first months of a higher commitment can put cumulative savings below zero early, ")
              .Append("so a short window can pay nothing on a deal that saves over a longer one (docs/method.md Example 7).\n");
        }
        yield return new ReportSection("quote", "Quote: fixed fee or gainshare", lead.ToString(), null, sb.ToString());
    }
}
