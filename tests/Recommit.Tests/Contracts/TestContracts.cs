using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Tests.Contracts;

/// <summary>Builders for contracts and monthly usage in the units of docs/method.md's worked examples.</summary>
internal static class TestContracts
{
    public static readonly YearMonth Jan2026 = new(2026, 1);

    public static Contract Annual(int years, decimal commitment, decimal d, decimal dO = 0m, CarryoverRule? carryover = null) =>
        new("Example", Jan2026, [.. Enumerable.Repeat(new CommitmentPeriod(12, new Usd(commitment)), years)], d, dO,
            carryover ?? CarryoverRule.None, BillingMode.Arrears, false);

    public static Contract Periods(decimal d, decimal dO, CarryoverRule carryover, params (int Months, decimal Commitment)[] periods) =>
        new("Example", Jan2026, [.. periods.Select(p => new CommitmentPeriod(p.Months, new Usd(p.Commitment)))], d, dO, carryover,
            BillingMode.Arrears, false);

    /// <summary>Monthly usage from <paramref name="first"/> on, one value a month.</summary>
    public static IReadOnlyDictionary<YearMonth, Usd> UsageFrom(YearMonth first, params decimal[] monthly) =>
        monthly.Select((u, i) => (Month: first.AddMonths(i), Usage: new Usd(u))).ToImmutableSortedDictionary(p => p.Month, p => p.Usage);

    public static IReadOnlyDictionary<YearMonth, Usd> Flat(YearMonth first, int months, decimal perMonth) =>
        UsageFrom(first, [.. Enumerable.Repeat(perMonth, months)]);

    public static Usd Dollars(decimal value) => new(value);
}
