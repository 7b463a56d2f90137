using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Gap;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// What <c>recommit ledger --json</c> writes: the contract's name, the last month counted and how that cut-off was
/// chosen, the usage file with its reconciliation (the same object as <c>analysis.json</c>'s <c>inputs</c>), the ledger's
/// periods and months in the same shape as <c>analysis.json</c>'s <c>ledger</c>, the gap verdict over the months
/// counted (null when there is no usage) and how its projection was made. Published as
/// <c>docs/schemas/ledger.schema.json</c>.
/// </summary>
public sealed record LedgerRunDocument(
    string Contract,
    YearMonth? Through,
    string? Cutoff,
    ImmutableArray<InputDocument> Inputs,
    ImmutableArray<LedgerPeriodDocument> Periods,
    ImmutableArray<LedgerMonthDocument> Months,
    GapDocument? Gap,
    string? Projection)
{
    /// <summary>The document of a ledger run; <paramref name="projection"/> says how the gap's projection was made.</summary>
    public static LedgerRunDocument Of(Contract contract, YearMonth? through, string? cutoff, UsageSource source, LedgerResult ledger,
        GapAssessment? gap, string projection)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var document = LedgerDocument.Of(ledger);
        return new LedgerRunDocument(contract.Name, through, cutoff, [InputDocument.Of(source)], document.Periods, document.Months,
            gap is null ? null : GapDocument.Of(gap), gap is null ? null : projection);
    }
}
