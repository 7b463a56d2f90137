namespace Recommit.Contracts;

/// <summary>One period trued up by <see cref="PeriodLedger"/>: overage (list and billed), premium, shortfall, carry-out, forfeited, bill.</summary>
public readonly record struct PeriodOutcome(double OverageList, double OverageBilled, double Premium, double Shortfall, double CarryOut, double Forfeited, double Bill);
