namespace Recommit.Contracts;

/// <summary>
/// The true-up of one period (docs/method.md §2) in <see cref="double"/>, for the Monte Carlo's inner loop; the decimal
/// ledger of record is <c>Recommit.Contracts.Ledger</c>. For list usage U, commitment C and carry-in c:
/// capacity K = (C + c) / (1 − d); overage O = max(0, U − K), billed O(1 − d_o); premium O(d − d_o);
/// bill C + O(1 − d_o); shortfall S = max(0, C + c − U(1 − d)); carry-out min(r·S, cap·C) when a next period of the
/// same contract exists (else 0: a carry-out left at the end of the term is forfeited, §7); forfeited S − carry-out.
/// </summary>
public static class PeriodLedger
{
    public static PeriodOutcome TrueUp(double usage, double commitment, double carryIn, in LedgerTerms terms, bool hasNextPeriod)
    {
        var d = terms.CommittedDiscount;
        var capacity = (commitment + carryIn) / (1 - d);
        var overage = Math.Max(0, usage - capacity);
        var billed = overage * (1 - terms.OverageDiscount);
        var shortfall = Math.Max(0, commitment + carryIn - usage * (1 - d));
        var carryOut = hasNextPeriod ? Math.Min(terms.CarryoverFraction * shortfall, terms.CarryoverCap * commitment) : 0;
        return new PeriodOutcome(overage, billed, overage * (d - terms.OverageDiscount), shortfall, carryOut, shortfall - carryOut, commitment + billed);
    }
}
