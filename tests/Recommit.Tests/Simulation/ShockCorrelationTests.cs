using Recommit.Simulation;

namespace Recommit.Tests.Simulation;

public class ShockCorrelationTests
{
    [Fact]
    public void Series_that_grow_in_lockstep_are_clamped_to_the_maximum_correlation()
    {
        double[] a = [100, 120, 110, 150, 140, 170, 160];
        double[] b = [.. a.Select(x => 3 * x)];
        var (rho, pairs) = ShockCorrelation.Estimate([a, b]);
        Assert.Equal(ShockCorrelation.Max, rho, 12);
        Assert.Equal(1, pairs);
    }

    [Fact]
    public void Series_that_move_against_each_other_get_no_correlation()
    {
        double[] a = [100, 120, 100, 120, 100, 120, 100];
        double[] b = [120, 100, 120, 100, 120, 100, 120];
        Assert.Equal(0, ShockCorrelation.Estimate([a, b]).Rho, 12);
    }

    [Fact]
    public void Too_little_history_falls_back_to_the_documented_default()
    {
        var (rho, pairs) = ShockCorrelation.Estimate([[100, 110, 120], [5, 6, 7]]);
        Assert.Equal(ShockCorrelation.Default, rho);
        Assert.Equal(0, pairs);
    }
}
