namespace Recommit.Contracts;

/// <summary>
/// One true-up period in a <see cref="LedgerKernel"/>'s schedule: its first month as an offset from the first month of the
/// paths (negative when it began before them), its length, its commitment (dollars at committed rates), the list dollars
/// already used in its months before the paths begin (the same on every path), and the terms it is trued up under.
/// </summary>
public readonly record struct KernelPeriod(int FirstMonthOffset, int Months, double Commitment, double KnownUsage, LedgerTerms Terms)
{
    /// <summary>The offset of the first month after the period.</summary>
    public int EndOffset => FirstMonthOffset + Months;
}
