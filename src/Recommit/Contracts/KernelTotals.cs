namespace Recommit.Contracts;

/// <summary>
/// One path through a <see cref="LedgerKernel"/>, summed over its periods and the months after its term (docs/method.md §2,
/// §7), each amount discounted when the path carries discount factors. <see cref="Bill"/> = <see cref="Committed"/> +
/// <see cref="OverageBilled"/> is what the term's periods bill; <see cref="AfterTermBill"/> is the usage after the term's
/// end billed at the ending contract's committed discount (zero when the kernel does not value those months).
/// </summary>
public readonly record struct KernelTotals(double Committed, double OverageBilled, double Premium, double Forfeited, double AfterTermBill)
{
    /// <summary>The bills of the term's periods: commitments plus billed overage.</summary>
    public double Bill => Committed + OverageBilled;

    /// <summary>Everything the buyer pays on the path: the term's bills and the after-term usage.</summary>
    public double BuyerCost => Bill + AfterTermBill;
}
