using Recommit.Contracts;
using Recommit.Time;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Fees;

/// <summary>
/// docs/method.md Example 6's deal, scaled by <c>scale</c> (1 = k$ as written there, 1,000 = dollars): the old contract of
/// two years from month 1 at 1,200 a year, 20 % off, overage at list, and the package signed for month 7 of two 12-month
/// periods of 1,800 at 25 %, overage at 25 %.
/// </summary>
internal static class Example6Deal
{
    public static readonly YearMonth Month7 = Jan2026.AddMonths(6);

    public static Contract Old(decimal scale = 1m) => Annual(2, 1200m * scale, 0.20m);

    public static Contract Package(decimal scale = 1m, CarryoverRule? carryover = null) =>
        Annual(2, 1800m * scale, 0.25m, 0.25m, carryover) with { Name = "Example 6 package", Start = Month7 };
}
