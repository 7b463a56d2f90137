using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Focus;

/// <summary>One month's list-price dollars of one model family (opus, sonnet, haiku, …): the grain of the FOCUS usage rows.</summary>
public readonly record struct FamilyListUsage(YearMonth Month, string Family, Usd ListUsd);
