using System.Collections.Immutable;
using Recommit.Money;

namespace Recommit.Contracts;

/// <summary>
/// The standard FinOps rate figures beside the gap (docs/rates.md), month by month and to date over every month the
/// ledger counted: commitment utilisation (consumed at committed rates ÷ commitment to date, the summed pace) and the
/// effective savings rate, where effective cost counts forfeited commitment and overage premium.
/// </summary>
public sealed record CommitmentRates(ImmutableArray<RateMonth> Months, decimal? UtilisationToDate, decimal? EffectiveSavingsRateToDate)
{
    public static CommitmentRates From(Contract contract, LedgerResult ledger)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(ledger);
        var premiumRate = contract.CommittedDiscount - contract.OverageDiscount;
        var forfeitedIn = ledger.Periods.Where(p => p.Closed).ToDictionary(p => p.End, p => p.Forfeited);
        var months = ImmutableArray.CreateBuilder<RateMonth>(ledger.Months.Length);
        foreach (var m in ledger.Months)
        {
            var effective = m.ConsumedAtCommittedRates + m.OverageList * premiumRate + forfeitedIn.GetValueOrDefault(m.Month);
            months.Add(new RateMonth(m.Month, m.ListUsage, m.ConsumedAtCommittedRates, m.Pace, effective,
                Ratio(m.ConsumedAtCommittedRates, m.Pace), Savings(m.ListUsage, effective)));
        }
        var all = months.ToImmutable();
        Usd Sum(Func<RateMonth, Usd> figure) => all.Aggregate(Usd.Zero, (s, r) => s + figure(r));
        return new CommitmentRates(all, Ratio(Sum(r => r.ConsumedAtCommittedRates), Sum(r => r.Pace)),
            Savings(Sum(r => r.ListCost), Sum(r => r.EffectiveCost)));
    }

    private static decimal? Ratio(Usd numerator, Usd denominator) => denominator == Usd.Zero ? null : numerator.Value / denominator.Value;

    private static decimal? Savings(Usd list, Usd effective) => Ratio(list - effective, list);
}
