namespace Recommit.Contracts;

/// <summary>
/// One true-up period as computed by <see cref="LedgerKernel"/>: the docs/method.md §2 figures in <see cref="double"/>
/// list dollars for one path. The decimal <see cref="PeriodResult"/> is the reference these agree with.
/// <see cref="Position"/> is the period-end position at committed rates: overage × (1 − d) when over, −shortfall when under.
/// </summary>
public readonly record struct KernelPeriodResult(
    double ListUsage,
    double OverageList,
    double OverageBilled,
    double OveragePremium,
    double Shortfall,
    double CarryIn,
    double CarryOut,
    double Forfeited,
    double Bill,
    double Position);
