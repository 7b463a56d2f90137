using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Time;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Negotiation;

/// <summary>docs/method.md §7's worked examples as setups: Example 5 (year 2 of a two-year term) and Example 6 (mid-period).</summary>
internal static class Deals
{
    public static readonly YearMonth Year2 = Jan2026.AddMonths(12);
    public static readonly YearMonth Month7 = Jan2026.AddMonths(6);

    public static NegotiationSetup Setup(YearMonth first, IReadOnlyDictionary<YearMonth, Usd> actual, double[][] paths,
        NegotiationAssumptions? assumptions = null, ulong seed = 1)
    {
        var months = paths[0].Length;
        return new NegotiationSetup(Annual(2, 1200m, 0.20m), first, actual, [.. paths.SelectMany(p => p)], paths.Length, months,
            assumptions ?? NegotiationAssumptions.Default, seed);
    }

    public static NegotiationSetup Example5(params double[][] paths) =>
        Setup(Year2, Flat(Jan2026, 12, 100m), paths.Length == 0 ? [[.. Enumerable.Repeat(250.0, 24)]] : paths);

    public static NegotiationSetup Example6(params double[][] paths) =>
        Setup(Month7, Flat(Jan2026, 6, 200m), paths.Length == 0 ? [[.. Enumerable.Repeat(200.0, 24)]] : paths);

    public static Package Package(YearMonth start, decimal commitment, decimal d, decimal dO, int years = 2, string name = "P",
        CarryoverRule? carryover = null, bool protection = false) =>
        new(new Contract(name, start, [.. Enumerable.Repeat(new CommitmentPeriod(12, new Usd(commitment)), years)], d, dO,
            carryover ?? CarryoverRule.None, BillingMode.Arrears, protection));

    public static Package Example5Package => Package(Year2, 2200m, 0.25m, 0.25m);

    public static Package Example6Package => Package(Month7, 1800m, 0.25m, 0.25m);

    public static ImmutableArray<Package> None => [];
}
