using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>The contract as analysed (docs/method.md §2): the fields of the contract file plus the derived term and end.</summary>
public sealed record ContractDocument(
    string Name,
    YearMonth Start,
    ImmutableArray<CommitmentPeriodDocument> Periods,
    decimal CommittedDiscount,
    decimal OverageDiscount,
    CarryoverDocument Carryover,
    string Billing,
    bool PriceProtection,
    int TermMonths,
    YearMonth End,
    string? Notes)
{
    /// <summary>The document of a contract; billing is <c>arrears</c> or <c>prepaid</c>.</summary>
    public static ContractDocument Of(Contract c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ContractDocument(c.Name, c.Start, [.. c.Periods.Select(p => new CommitmentPeriodDocument(p.Months, p.Commitment))],
            c.CommittedDiscount, c.OverageDiscount, new CarryoverDocument(c.Carryover.Fraction, c.Carryover.Cap),
            c.Billing == BillingMode.Prepaid ? "prepaid" : "arrears", c.PriceProtection, c.TermMonths, c.End, c.Notes);
    }
}
