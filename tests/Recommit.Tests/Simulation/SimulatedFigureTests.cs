using Recommit.Money;
using Recommit.Simulation;

namespace Recommit.Tests.Simulation;

/// <summary>Simulated figures in sentences: three significant figures, and never on the wrong side of a figure they are compared with.</summary>
public sealed class SimulatedFigureTests
{
    [Theory]
    // Three significant figures would read "$20,000", the threshold itself: "less than twice the fee ($20,000.00)" must read below it.
    [InlineData(19_987.40, 20_000, "$19,990")]
    [InlineData(19_999.50, 20_000, "$19,999.50")]
    // Above the mark: "$20,000" would read below $20,040.00.
    [InlineData(20_041, 20_040, "$20,041")]
    // Far from the mark, or exactly on it: three significant figures.
    [InlineData(218_506.32, 20_000, "$219,000")]
    [InlineData(20_000, 20_000, "$20,000")]
    [InlineData(12_345, 20_000, "$12,300")]
    public void A_figure_compared_with_a_mark_reads_on_its_side_of_it(double value, double mark, string shown)
    {
        var text = SimulatedFigure.Text(new Usd((decimal)value), new Usd((decimal)mark), paths: 10_000);
        Assert.Equal(shown, text);
    }

    [Fact]
    public void One_given_path_is_exact_to_the_cent() =>
        Assert.Equal("$19,987.40", SimulatedFigure.Text(new Usd(19_987.40m), new Usd(20_000m), paths: 1));
}
