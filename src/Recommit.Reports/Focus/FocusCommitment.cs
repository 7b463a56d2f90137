using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Focus;

/// <summary>
/// One true-up period as a FOCUS 1.3 Contract Commitment row (category Spend): its months, its commitment at committed
/// rates, and, when a reforecast is given, the consumption at committed rates and the position (consumption − commitment
/// − carry-in; negative = shortfall) that the reforecast's P50 month by month leads to at the period's end.
/// </summary>
public sealed record FocusCommitment(int Index, YearMonth Start, YearMonth EndExclusive, Usd Commitment, Usd? ProjectedConsumed, Usd? ProjectedPosition)
{
    /// <summary>
    /// The contract's periods; with <paramref name="projectedListUsage"/> (actual list dollars where known, the monthly P50
    /// after levers beyond), each period's projected end position from the decimal ledger run over that path to the term's end.
    /// </summary>
    public static ImmutableArray<FocusCommitment> Build(Contract contract, IReadOnlyDictionary<YearMonth, Usd>? projectedListUsage = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ImmutableArray<PeriodResult>? projected = projectedListUsage is null ? null : Ledger.Run(contract, projectedListUsage, contract.End.AddMonths(-1)).Periods;
        var rows = ImmutableArray.CreateBuilder<FocusCommitment>(contract.Periods.Length);
        var start = contract.Start;
        for (var i = 0; i < contract.Periods.Length; i++)
        {
            var period = contract.Periods[i];
            var p = projected is { } all && i < all.Length ? all[i] : null;
            rows.Add(new FocusCommitment(i + 1, start, start.AddMonths(period.Months), period.Commitment, p?.ConsumedAtCommittedRates,
                p is null ? null : p.ConsumedAtCommittedRates - p.Commitment - p.CarryIn));
            start = start.AddMonths(period.Months);
        }
        return rows.MoveToImmutable();
    }
}
