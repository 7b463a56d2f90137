using FsCheck.Xunit;
using Recommit.Simulation;

namespace Recommit.Tests.Simulation;

public class ProbabilityTests
{
    [Theory]
    [InlineData(0.995, "over 99 %")]
    [InlineData(0.985, "99 %")]
    [InlineData(0.125, "13 %")]
    [InlineData(0.994, "99 %")]
    [InlineData(1.0, "100 %")]
    [InlineData(0.0, "0 %")]
    [InlineData(0.004, "under 1 %")]
    [InlineData(0.005, "1 %")]
    [InlineData(0.5, "50 %")]
    public void A_probability_rounds_half_away_from_zero_to_a_whole_percent(double p, string expected) =>
        Assert.Equal(expected, Probability.Percent(p));

    [Theory]
    [InlineData(0.9996, "over 99.9%")]
    [InlineData(0.9995, "over 99.9%")]
    [InlineData(0.9994, "99.9%")]
    [InlineData(0.0004, "under 0.1%")]
    [InlineData(0.1235, "12.4%")]
    public void With_decimals_the_bounds_are_a_step_short_of_certainty(double p, string expected) =>
        Assert.Equal(expected, Probability.Percent(p, 1, "%"));

    [Property]
    public bool Only_a_certainty_reads_as_100_or_0_percent(int count, int paths)
    {
        var n = Math.Abs(paths % 100_000) + 1;
        var k = Math.Abs(count % (n + 1));
        var text = Probability.Percent(k / (double)n);
        return (text == "100 %") == (k == n) && (text == "0 %") == (k == 0);
    }
}
