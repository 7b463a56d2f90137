using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>One model family of a consolidated workload: its monthly list dollars once fully moved (docs/method.md §7).</summary>
public sealed record ConsolidatedFamily(string Family, Usd MonthlyListUsd);
