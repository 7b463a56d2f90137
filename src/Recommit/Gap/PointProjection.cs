using Recommit.Contracts;
using Recommit.Forecasting;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Gap;

/// <summary>
/// A quick projection of the current period's end position for views without a simulation (<c>recommit ledger</c>):
/// consumption so far in the period plus the default forecaster's point forecast of monthly list usage for its
/// remaining months, at committed rates, minus the commitment and carry-in. <c>recommit analyze</c> uses the P50 of its
/// simulated paths instead (docs/method.md §3, rule 4).
/// </summary>
public static class PointProjection
{
    /// <summary>
    /// The position of the period that contains the month after <paramref name="lastFullMonth"/> (the as-of month), or
    /// null when that month is outside the term or there is no usage history to forecast.
    /// </summary>
    public static GapProjection? CurrentPeriod(Contract contract, IReadOnlyDictionary<YearMonth, Usd> monthlyListUsage, YearMonth lastFullMonth)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(monthlyListUsage);
        var asOf = lastFullMonth.AddMonths(1);
        var start = contract.Start;
        CommitmentPeriod? period = null;
        foreach (var p in contract.Periods)
        {
            if (asOf >= start && asOf < start.AddMonths(p.Months))
            {
                period = p;
                break;
            }
            start = start.AddMonths(p.Months);
        }
        if (period is null || monthlyListUsage.Count == 0) return null;

        var first = monthlyListUsage.Keys.Min();
        if (first > lastFullMonth) return null;
        var history = new double[first.MonthsUntil(lastFullMonth) + 1];
        for (var i = 0; i < history.Length; i++) history[i] = (double)monthlyListUsage.GetValueOrDefault(first.AddMonths(i)).Value;

        // Usage already in the period (months before the as-of month), then the forecast for the rest of it.
        var ledger = Ledger.Run(contract, monthlyListUsage.Where(p => p.Key <= lastFullMonth).ToDictionary(), lastFullMonth);
        var carryIn = ledger.Periods.FirstOrDefault(p => p.Start == start)?.CarryIn ?? Usd.Zero;
        var listSoFar = monthlyListUsage.Where(p => p.Key >= start && p.Key <= lastFullMonth).Aggregate(Usd.Zero, (s, p) => s + p.Value);
        var remaining = asOf.MonthsUntil(start.AddMonths(period.Months));
        var forecast = Forecaster.Forecast(history, remaining, new ForecastOptions());
        var listAhead = new Usd((decimal)forecast.Mean.Sum());
        var consumed = (listSoFar + listAhead) * (1m - contract.CommittedDiscount);
        return new GapProjection(consumed - (period.Commitment + carryIn), period.Commitment);
    }
}
