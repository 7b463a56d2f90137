using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Focus;

/// <summary>
/// The contract's bills as FOCUS cost-and-usage charges (docs/fees.md, "FOCUS exports"), derived from the decimal
/// <see cref="Ledger"/> (docs/method.md §2) so they add up to its bills.
/// </summary>
/// <remarks>
/// Each month and model family with usage is one <c>Usage</c> row: list cost = the family's list dollars; contracted and
/// effective cost = the part within the period's capacity at the committed discount plus the overage recognised that
/// month (shared among families by their usage) at the overage discount. Billed in arrears, the billed cost equals it;
/// prepaid, only the overage is billed, and the commitment is one <c>Purchase</c> row in the period's first month
/// (effective cost 0). When a period closes with a shortfall, one one-time <c>Usage</c> row for the unused commitment
/// is billed in its last month (in arrears; effective only when prepaid), priced as the unused share of the commitment
/// (pricing quantity S / C at unit price C). A carry-in is a <c>Credit</c> in the first month of the period it enters,
/// since consumption against it is not billed again. Over a closed period in arrears, billed cost sums to the ledger's
/// bill: C + c (usage within capacity plus the unused row) − c (credit) + billed overage.
/// </remarks>
public static class FocusCostAndUsage
{
    public static ImmutableArray<FocusCharge> Build(Contract contract, IReadOnlyList<FamilyListUsage> usage, YearMonth? through = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(usage);
        var byMonth = usage.GroupBy(u => u.Month).ToDictionary(g => g.Key, g => g.OrderBy(u => u.Family, StringComparer.Ordinal).ToArray());
        var totals = byMonth.ToDictionary(p => p.Key, p => p.Value.Aggregate(Usd.Zero, (sum, u) => sum + u.ListUsd));
        var ledger = Ledger.Run(contract, totals, through);
        var arrears = contract.Billing == BillingMode.Arrears;
        var d = contract.CommittedDiscount;
        var dO = contract.OverageDiscount;

        var charges = ImmutableArray.CreateBuilder<FocusCharge>();
        foreach (var month in ledger.Months)
        {
            var period = ledger.Periods[month.PeriodIndex];
            var periodEnd = period.End.AddMonths(1);
            if (month.Month == period.Start)
            {
                if (!arrears)
                    charges.Add(Commitment(month.Month, period.Start, periodEnd, FocusChargeCategory.Purchase, "Prepaid commitment for the true-up period",
                        billed: period.Commitment, effective: Usd.Zero, amount: period.Commitment, quantity: 1m, unitPrice: period.Commitment));
                if (period.CarryIn > Usd.Zero)
                    charges.Add(Commitment(month.Month, period.Start, periodEnd, FocusChargeCategory.Credit, "Carryover of unused commitment from the previous period",
                        billed: arrears ? -period.CarryIn : Usd.Zero, effective: -period.CarryIn, amount: -period.CarryIn, quantity: 1m, unitPrice: -period.CarryIn));
            }
            foreach (var family in byMonth.GetValueOrDefault(month.Month) ?? [])
            {
                if (family.ListUsd == Usd.Zero) continue;
                var overage = month.OverageList * (family.ListUsd.Value / month.ListUsage.Value);
                var overageCost = overage * (1m - dO);
                var contracted = (family.ListUsd - overage) * (1m - d) + overageCost;
                charges.Add(new FocusCharge(month.Month, month.Month, month.Month.AddMonths(1), FocusChargeCategory.Usage, OneTime: false,
                    $"Claude {family.Family} usage at the contract's rates", arrears ? contracted : overageCost, contracted, family.ListUsd, contracted,
                    family.ListUsd.Value, "List Dollars", 1m, contracted.Value / family.ListUsd.Value, $"claude-{family.Family}", family.Family));
            }
            if (month.Month == period.End && period.Closed && period.Shortfall > Usd.Zero)
                charges.Add(Commitment(month.Month, period.Start, periodEnd, FocusChargeCategory.Usage, "Unused commitment at the end of the true-up period",
                    billed: arrears ? period.Shortfall : Usd.Zero, effective: period.Shortfall, amount: period.Shortfall,
                    quantity: period.Commitment == Usd.Zero ? 0m : period.Shortfall.Value / period.Commitment.Value, unitPrice: period.Commitment));
        }
        return charges.ToImmutable();
    }

    private static FocusCharge Commitment(YearMonth billing, YearMonth start, YearMonth endExclusive, FocusChargeCategory category, string description,
        Usd billed, Usd effective, Usd amount, decimal quantity, Usd unitPrice) =>
        new(billing, start, endExclusive, category, OneTime: true, description, billed, effective, amount, amount, quantity, "Count",
            unitPrice.Value, unitPrice.Value, "commitment", Family: null);
}
