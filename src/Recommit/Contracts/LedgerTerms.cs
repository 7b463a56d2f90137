namespace Recommit.Contracts;

/// <summary>
/// The terms one period of a <see cref="LedgerKernel"/> is trued up under (docs/method.md §2) in <see cref="double"/>:
/// committed discount d, overage discount d_o, carryover fraction r and cap (a share of the period's commitment), whether
/// the commitment is prepaid (cash at the period's start rather than spread over its months, which matters only under a
/// discount rate), and whether list-price increases are withheld from the buyer in the period (price protection, §7).
/// </summary>
public readonly record struct LedgerTerms(double CommittedDiscount, double OverageDiscount, double CarryoverFraction, double CarryoverCap)
{
    /// <summary>The commitment is paid at the start of the period (prepaid) rather than month by month (arrears).</summary>
    public bool Prepaid { get; init; }

    /// <summary>List-price increases do not reach the buyer during the period; decreases always do (docs/method.md §7).</summary>
    public bool PriceProtected { get; init; }

    /// <summary>The terms of <paramref name="contract"/>, with its own carryover rule.</summary>
    public static LedgerTerms Of(Contract contract) => Of(contract, (contract ?? throw new ArgumentNullException(nameof(contract))).Carryover);

    /// <summary>The discounts, billing and price protection of <paramref name="contract"/> with the carryover rule <paramref name="carryover"/>.</summary>
    public static LedgerTerms Of(Contract contract, CarryoverRule carryover)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(carryover);
        return new LedgerTerms((double)contract.CommittedDiscount, (double)contract.OverageDiscount, (double)carryover.Fraction, (double)carryover.Cap)
        {
            Prepaid = contract.Billing == BillingMode.Prepaid,
            PriceProtected = contract.PriceProtection,
        };
    }
}
