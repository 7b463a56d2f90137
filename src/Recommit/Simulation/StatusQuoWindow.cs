using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Simulation;

/// <summary>
/// The part of the status-quo contract the simulation values (docs/method.md §6): the period containing the first simulated
/// month (in full, with its months already used as known usage) and every later period of the term. Periods that
/// closed before it are sunk and left out; their carry-out, trued up on the actual usage, becomes the carry-in.
/// </summary>
public sealed record StatusQuoWindow(ImmutableArray<SimulationPeriod> Periods, LedgerTerms Terms, double CarryIn, int FirstPeriodIndex)
{
    /// <summary>Builds the window of <paramref name="contract"/> from <paramref name="first"/> with the actual monthly list usage before it.</summary>
    public static StatusQuoWindow Build(Contract contract, YearMonth first, IReadOnlyDictionary<YearMonth, Usd> actual)
    {
        var terms = new LedgerTerms((double)contract.CommittedDiscount, (double)contract.OverageDiscount,
            (double)contract.Carryover.Fraction, (double)contract.Carryover.Cap);
        var periods = ImmutableArray.CreateBuilder<SimulationPeriod>();
        var carry = 0.0;
        var start = contract.Start;
        var firstIndex = -1;
        for (var k = 0; k < contract.Periods.Length; k++)
        {
            var period = contract.Periods[k];
            var end = start.AddMonths(period.Months); // exclusive
            var known = 0.0;
            for (var m = start; m < end && m < first; m = m.AddMonths(1)) known += (double)actual.GetValueOrDefault(m).Value;
            var commitment = (double)period.Commitment.Value;
            if (end <= first)
            {
                // Closed before the window: sunk, but its carry-out is the next period's carry-in.
                carry = PeriodLedger.TrueUp(known, commitment, carry, terms, hasNextPeriod: k + 1 < contract.Periods.Length).CarryOut;
            }
            else
            {
                if (firstIndex < 0) firstIndex = k;
                periods.Add(new SimulationPeriod(first.MonthsUntil(start), period.Months, commitment, known));
            }
            start = end;
        }
        return new StatusQuoWindow(periods.ToImmutable(), terms, carry, firstIndex);
    }
}
