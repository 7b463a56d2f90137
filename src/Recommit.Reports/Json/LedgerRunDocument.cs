using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Gap;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// What <c>recommit ledger --json</c> writes: the contract's name, the last month counted, the ledger's periods and
/// months in the same shape as <c>analysis.json</c>'s <c>ledger</c>, and the gap verdict over the months counted (null
/// when there is no usage). Published as <c>docs/schemas/ledger.schema.json</c>.
/// </summary>
public sealed record LedgerRunDocument(
    string Contract,
    YearMonth? Through,
    ImmutableArray<LedgerPeriodDocument> Periods,
    ImmutableArray<LedgerMonthDocument> Months,
    GapDocument? Gap)
{
    /// <summary>The document of a ledger run.</summary>
    public static LedgerRunDocument Of(Contract contract, YearMonth? through, LedgerResult ledger, GapAssessment? gap)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var document = LedgerDocument.Of(ledger);
        return new LedgerRunDocument(contract.Name, through, document.Periods, document.Months, gap is null ? null : GapDocument.Of(gap));
    }
}
