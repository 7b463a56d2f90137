using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>A package on the Pareto frontier of buyer saving against vendor gain (docs/method.md §7): no other acceptable package beats it on both.</summary>
public sealed record FrontierPoint(string Name, Usd AnnualCommit, int TermMonths, decimal Discount, Usd BuyerSaving, Usd VendorGain);
