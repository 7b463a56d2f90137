namespace Recommit.Contracts;

/// <summary>
/// One true-up period as computed by <see cref="LedgerKernel"/>: the docs/method.md §2 figures in <see cref="double"/> list
/// dollars, for simulation paths. The decimal <see cref="PeriodResult"/> is the reference these agree with.
/// </summary>
public readonly record struct KernelPeriod(
    double ListUsage,
    double OverageList,
    double OverageBilled,
    double OveragePremium,
    double Shortfall,
    double CarryIn,
    double CarryOut,
    double Forfeited,
    double Bill);
