using Recommit.Contracts;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Contracts;

public class LedgerKernelTests
{
    [Fact]
    public void Kernel_reproduces_example_3_over_two_years()
    {
        var kernel = new LedgerKernel(Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m)));
        double[] usage = [.. Enumerable.Repeat(120.0, 12), .. Enumerable.Repeat(150.0, 12)];
        var output = new KernelPeriod[2];

        Assert.Equal(2, kernel.Run(usage, output));

        Assert.Equal(1320.0, output[0].Shortfall, 9);
        Assert.Equal(240.0, output[0].CarryOut, 9);
        Assert.Equal(1080.0, output[0].Forfeited, 9);
        Assert.Equal(240.0, output[1].CarryIn, 9);
        Assert.Equal(1290.0, output[1].Shortfall, 9);
        Assert.Equal(0.0, output[1].CarryOut, 9);
        Assert.Equal(1290.0, output[1].Forfeited, 9);
    }

    [Fact]
    public void Kernel_runs_a_path_matrix_and_leaves_out_a_trailing_partial_period()
    {
        var kernel = new LedgerKernel(Annual(2, 1200m, 0.20m));
        // Two paths of 18 months: Example 2's year then six more months (year 2 incomplete).
        double[] year = [110, 118, 125, 140, 150, 160, 170, 185, 195, 210, 220, 230];
        double[] matrix = [.. year, .. new double[6], .. year.Select(u => u * 0.5), .. new double[6]];
        var output = new KernelPeriod[2];

        var periods = kernel.RunPaths(matrix, 18, output);

        Assert.Equal(1, periods);
        Assert.Equal(1713.0, output[0].Bill, 9);
        Assert.Equal(102.6, output[0].OveragePremium, 9);
        Assert.Equal(1200.0, output[1].Bill, 9);
        Assert.Equal(1200.0 - 1006.5 * 0.8, output[1].Shortfall, 9);
    }

    [Fact]
    public void Kernel_starts_mid_contract_with_a_carry_in()
    {
        var kernel = new LedgerKernel(Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m)));
        var output = new KernelPeriod[1];

        Assert.Equal(1, kernel.Run(Enumerable.Repeat(150.0, 12).ToArray(), output, firstPeriod: 1, carryIn: 240));

        Assert.Equal(1290.0, output[0].Shortfall, 9);
    }
}
