using Recommit.Contracts;
using FsCheck.Xunit;

namespace Recommit.Tests.Contracts;

public class KernelTrueUpPropertyTests
{
    [Property]
    public bool Conservation_holds_for_every_period(ushort usage, ushort commitment, byte carryIn, byte discount, byte overageDiscount, byte fraction, byte cap)
    {
        var d = discount % 60 / 100.0;
        var terms = new LedgerTerms(d, Math.Min(d, overageDiscount % 60 / 100.0), fraction / 255.0, cap / 255.0);
        double c = commitment + 1, cin = carryIn, u = usage;
        var o = LedgerKernel.TrueUp(u, c, cin, terms, hasNextPeriod: true);
        const double eps = 1e-6;
        var under = u * (1 - d) <= c + cin;
        var conserved = under
            ? Math.Abs(u * (1 - d) + o.Shortfall - (c + cin)) < eps && o.OverageList == 0
            : Math.Abs(o.Bill - (c + o.OverageBilled)) < eps && o.Shortfall == 0;
        return conserved
            && Math.Abs(o.Forfeited + o.CarryOut - o.Shortfall) < eps
            && o.CarryOut <= terms.CarryoverCap * c + eps
            && o.OveragePremium >= -eps
            && o.Bill >= c - eps;
    }
}
