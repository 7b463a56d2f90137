using System.Collections.Immutable;
using FsCheck;
using FsCheck.Xunit;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Tests.Contracts;

/// <summary>docs/method.md §2 conservation laws for random contracts and usage, and the double kernel against the decimal ledger.</summary>
public class LedgerPropertyTests
{
    /// <summary>A random contract of 1–4 periods and a usage series covering its term, built from FsCheck's primitive draws.</summary>
    private static (Contract Contract, IReadOnlyDictionary<YearMonth, Usd> Usage) Draw(
        NonNegativeInt[] commitments, NonNegativeInt[] usageCents, byte dPct, byte dOPct, byte rPct, byte capPct, PositiveInt periodMonths)
    {
        var d = dPct % 90 / 100m;
        var dO = Math.Min(dOPct % 90 / 100m, d);
        var months = periodMonths.Get % 12 + 1;
        var periods = commitments.Take(4).Select(c => new CommitmentPeriod(months, new Usd(c.Get % 5_000_000 / 100m))).ToImmutableArray();
        if (periods.IsEmpty) periods = [new CommitmentPeriod(months, new Usd(1000m))];
        var contract = new Contract("Property", new YearMonth(2026, 1), periods, d, dO,
            new CarryoverRule(rPct % 101 / 100m, capPct % 101 / 100m), BillingMode.Arrears, false);
        var usage = new SortedDictionary<YearMonth, Usd>();
        for (var m = 0; m < contract.TermMonths; m++)
            usage[contract.Start.AddMonths(m)] = usageCents.Length == 0 ? Usd.Zero : new Usd(usageCents[m % usageCents.Length].Get % 2_000_000 / 100m);
        return (contract, usage);
    }

    [Property(MaxTest = 300)]
    public void Conservation_holds_in_every_closed_period(NonNegativeInt[] commitments, NonNegativeInt[] usageCents, byte dPct, byte dOPct,
        byte rPct, byte capPct, PositiveInt periodMonths)
    {
        var (contract, usage) = Draw(commitments, usageCents, dPct, dOPct, rPct, capPct, periodMonths);

        var result = Ledger.Run(contract, usage);

        Assert.Equal(contract.Periods.Length, result.Periods.Length);
        var carry = Usd.Zero;
        foreach (var p in result.Periods)
        {
            Assert.True(p.Closed);
            Assert.Equal(carry, p.CarryIn);
            if (p.OverageList == Usd.Zero)
                Assert.Equal(p.Commitment + p.CarryIn, p.ConsumedAtCommittedRates + p.Shortfall);
            else
                Assert.Equal(Usd.Zero, p.Shortfall);
            Assert.Equal(p.Commitment + p.OverageBilled, p.Bill);
            Assert.Equal(p.Shortfall, p.Forfeited + p.CarryOut);
            Assert.True(p.CarryOut <= p.Commitment * contract.Carryover.Cap);
            Assert.True(p.CarryOut <= p.Shortfall * contract.Carryover.Fraction);
            Assert.True(p.Forfeited >= Usd.Zero);
            Assert.True(p.Bill >= p.Commitment);
            Assert.True(p.OveragePremium >= Usd.Zero);
            carry = p.CarryOut;
        }
        Assert.Equal(Usd.Zero, result.Periods[^1].CarryOut);
    }

    [Property(MaxTest = 200)]
    public void Monthly_view_adds_up_to_the_period(NonNegativeInt[] commitments, NonNegativeInt[] usageCents, byte dPct, byte dOPct,
        byte rPct, byte capPct, PositiveInt periodMonths)
    {
        var (contract, usage) = Draw(commitments, usageCents, dPct, dOPct, rPct, capPct, periodMonths);

        var result = Ledger.Run(contract, usage);

        Assert.Equal(contract.TermMonths, result.Months.Length);
        foreach (var (p, index) in result.Periods.Select((p, i) => (p, i)))
        {
            var months = result.Months.Where(m => m.PeriodIndex == index).ToList();
            Assert.Equal(p.Months, months.Count);
            Assert.Equal(p.Commitment, months[^1].CumulativePace);
            Assert.Equal(p.ListUsage, months[^1].CumulativeListUsage);
            Assert.Equal(p.ConsumedAtCommittedRates, months[^1].CumulativeConsumed);
            Assert.True(Math.Abs((months.Aggregate(Usd.Zero, (s, m) => s + m.OverageList) - p.OverageList).Value) < 1e-18m);
            Assert.True(Math.Abs((months.Aggregate(Usd.Zero, (s, m) => s + m.Bill) - p.Bill).Value) < 1e-18m);
            Assert.All(months, m => Assert.True(m.OverageList >= Usd.Zero));
        }
    }

    [Property(MaxTest = 300)]
    public void Kernel_agrees_with_the_decimal_ledger(NonNegativeInt[] commitments, NonNegativeInt[] usageCents, byte dPct, byte dOPct,
        byte rPct, byte capPct, PositiveInt periodMonths)
    {
        var (contract, usage) = Draw(commitments, usageCents, dPct, dOPct, rPct, capPct, periodMonths);
        var path = usage.Values.Select(u => (double)u.Value).ToArray();
        var output = new KernelPeriod[contract.Periods.Length];

        var written = new LedgerKernel(contract).Run(path, output);
        var reference = Ledger.Run(contract, usage).Periods;

        Assert.Equal(reference.Length, written);
        for (var i = 0; i < written; i++)
        {
            var (k, p) = (output[i], reference[i]);
            Close(p.ListUsage, k.ListUsage);
            Close(p.OverageList, k.OverageList);
            Close(p.OverageBilled, k.OverageBilled);
            Close(p.OveragePremium, k.OveragePremium);
            Close(p.Shortfall, k.Shortfall);
            Close(p.CarryIn, k.CarryIn);
            Close(p.CarryOut, k.CarryOut);
            Close(p.Forfeited, k.Forfeited);
            Close(p.Bill, k.Bill);
        }
    }

    /// <summary>1e-6 relative, with an absolute floor of 1e-6 dollars for figures near zero.</summary>
    private static void Close(Usd expected, double actual)
    {
        var e = (double)expected.Value;
        Assert.True(Math.Abs(e - actual) <= 1e-6 * Math.Max(1, Math.Abs(e)), $"expected {e}, kernel gave {actual}");
    }
}
