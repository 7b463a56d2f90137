using System.Collections.Immutable;
using Recommit.Contracts;

namespace Recommit.Reports.Json;

/// <summary>
/// The contract ledger (docs/method.md §2), the one ledger shape of every document: <c>analysis.json</c>'s
/// <c>ledger</c>, <c>recommit ledger --json</c> and, later, scenarios and verified savings.
/// </summary>
public sealed record LedgerDocument(ImmutableArray<LedgerPeriodDocument> Periods, ImmutableArray<LedgerMonthDocument> Months)
{
    /// <summary>The document of a ledger run.</summary>
    public static LedgerDocument Of(LedgerResult ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new LedgerDocument([.. ledger.Periods.Select(LedgerPeriodDocument.Of)], [.. ledger.Months.Select(LedgerMonthDocument.Of)]);
    }
}
