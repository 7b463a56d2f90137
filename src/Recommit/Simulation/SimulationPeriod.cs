namespace Recommit.Simulation;

/// <summary>
/// A true-up period as the simulation sees it: its first month as an offset from the first simulated month (negative
/// when the period began before it), its length, its commitment, and the list dollars already used in its months
/// before the first simulated month (the same on every path).
/// </summary>
public readonly record struct SimulationPeriod(int FirstMonthOffset, int Months, double Commitment, double KnownUsage);
