namespace Recommit.Contracts;

/// <summary>
/// The contract terms the simulation's ledger needs (docs/method.md §2) in <see cref="double"/>: committed discount d,
/// overage discount d_o, carryover fraction r and cap (a share of the period's commitment).
/// </summary>
public readonly record struct LedgerTerms(double CommittedDiscount, double OverageDiscount, double CarryoverFraction, double CarryoverCap);
