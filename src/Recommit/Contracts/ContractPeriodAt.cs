using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>A period of a contract located by <see cref="Contract.PeriodAt"/>: its index in the schedule and its first month.</summary>
public readonly record struct ContractPeriodAt(int Index, YearMonth Start);
