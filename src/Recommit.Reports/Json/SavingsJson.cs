using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Recommit.Fees;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// The JSON of <c>recommit verify</c> (docs/fees.md): <c>oldContract, newContract, signed, from, to, share,
/// stubTrueUp, stubCarryOut, months[] {month, listUsage, oldBill, newBill, savings, cumulative, fee}, totals
/// {oldBill, newBill, savings, fee}</c>; dollars rounded to the cent, months as <c>yyyy-MM</c>.
/// </summary>
public static class SavingsJson
{
    /// <summary>The statement as indented JSON text, ending with a newline.</summary>
    public static string Serialize(SavingsStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var document = new SavingsDocument(statement.OldContract, statement.NewContract, statement.Signed, statement.From, statement.To,
            statement.Share, statement.StubTrueUp, statement.StubCarryOut, statement.Months,
            new SavingsTotals(statement.OldTotal, statement.NewTotal, statement.Savings, statement.Fee));
        return JsonSerializer.Serialize(document, AnalysisJson.Options) + "\n";
    }

    /// <summary>The months as CSV: <c>month,list_usage,old_bill,new_bill,savings,cumulative,fee</c>, dollars to the cent.</summary>
    public static string Csv(SavingsStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var sb = new StringBuilder("month,list_usage,old_bill,new_bill,savings,cumulative,fee\n");
        foreach (var m in statement.Months)
        {
            sb.Append(m.Month.ToString());
            foreach (var usd in (ReadOnlySpan<Usd>)[m.ListUsage, m.OldBill, m.NewBill, m.Savings, m.Cumulative, m.Fee])
                sb.Append(',').Append(Internals.Figures.Plain(usd));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private sealed record SavingsDocument(string OldContract, string NewContract, YearMonth Signed, YearMonth From, YearMonth To,
        decimal Share, Usd StubTrueUp, Usd StubCarryOut, ImmutableArray<SavingsMonth> Months, SavingsTotals Totals);

    private sealed record SavingsTotals(Usd OldBill, Usd NewBill, Usd Savings, Usd Fee);
}
