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
        var output = new KernelPeriodResult[contract.Periods.Length];

        var totals = LedgerKernel.Of(contract).Run(path, output);
        var reference = Ledger.Run(contract, usage).Periods;

        Cent(reference.Aggregate(Usd.Zero, (s, p) => s + p.Bill), totals.Bill);
        for (var i = 0; i < reference.Length; i++) AgreeToTheCent(reference[i], output[i]);
    }

    [Property(MaxTest = 200)]
    public void Kernel_stub_agrees_with_the_decimal_stub(NonNegativeInt[] commitments, NonNegativeInt[] usageCents, byte dPct, byte dOPct,
        byte rPct, byte capPct, PositiveInt periodMonths, PositiveInt closeAt, byte packageRPct, byte packageCapPct)
    {
        var (contract, usage) = Draw(commitments, usageCents, dPct, dOPct, rPct, capPct, periodMonths);
        var t0 = contract.Start.AddMonths(closeAt.Get % contract.TermMonths);
        var rule = new CarryoverRule(packageRPct % 101 / 100m, packageCapPct % 101 / 100m);
        var package = contract with { Start = t0, Periods = [new CommitmentPeriod(12, new Usd(1000m))], Carryover = rule };
        var reference = Ledger.CloseStub(contract, t0, usage, rule);
        var kernel = LedgerKernel.Replacing(contract, package, t0, usage);
        var output = new KernelPeriodResult[kernel.Periods.Length];

        kernel.Run(new double[kernel.EndOffset], output);

        if (reference is null)
        {
            Assert.Single(output);
            return;
        }
        Assert.Equal(-contract.PeriodAt(t0)!.Value.Start.MonthsUntil(t0), kernel.Periods[0].FirstMonthOffset);
        AgreeToTheCent(reference, output[0]);
    }

    private static void AgreeToTheCent(PeriodResult p, KernelPeriodResult k)
    {
        Cent(p.ListUsage, k.ListUsage);
        Cent(p.OverageList, k.OverageList);
        Cent(p.OverageBilled, k.OverageBilled);
        Cent(p.OveragePremium, k.OveragePremium);
        Cent(p.Shortfall, k.Shortfall);
        Cent(p.CarryIn, k.CarryIn);
        Cent(p.CarryOut, k.CarryOut);
        Cent(p.Forfeited, k.Forfeited);
        Cent(p.Bill, k.Bill);
    }

    /// <summary>Agreement to the cent: the kernel's figure rounds (half away from zero) to the decimal ledger's rounded figure.</summary>
    private static void Cent(Usd expected, double actual)
    {
        var e = Math.Round(expected.Value, 2, MidpointRounding.AwayFromZero);
        var a = Math.Round((decimal)actual, 2, MidpointRounding.AwayFromZero);
        Assert.True(Math.Abs(e - a) <= 0.01m, $"expected {expected.Value}, kernel gave {actual}");
    }
}
