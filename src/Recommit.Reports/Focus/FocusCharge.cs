using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Focus;

/// <summary>The FOCUS charge categories Recommit writes (the spec's <c>ChargeCategory</c> values).</summary>
public enum FocusChargeCategory
{
    Usage,
    Purchase,
    Credit,
}

/// <summary>
/// One row of the FOCUS cost-and-usage dataset as Recommit derives it from the contract ledger (docs/fees.md, "FOCUS
/// exports"): a month's usage of one model family at the contract's rates, a prepaid commitment purchase, a carryover
/// credit, or the unused commitment billed when a true-up period closes. Billing periods are calendar months; a charge
/// period is a month, or the whole true-up period for purchases and unused commitment. Amounts are unrounded.
/// </summary>
public sealed record FocusCharge(
    YearMonth BillingMonth,
    YearMonth ChargeStart,
    YearMonth ChargeEndExclusive,
    FocusChargeCategory Category,
    bool OneTime,
    string Description,
    Usd BilledCost,
    Usd EffectiveCost,
    Usd ListCost,
    Usd ContractedCost,
    decimal PricingQuantity,
    string PricingUnit,
    decimal ListUnitPrice,
    decimal ContractedUnitPrice,
    string SkuId,
    string? Family);
