using Recommit.Money;
using Recommit.Negotiation;

namespace Recommit.Tests.Negotiation;

public class DiscountBandTests
{
    private static readonly DiscountBand[] Bands =
    [
        new(new Usd(0m), 12, 0.10m),
        new(new Usd(1_000_000m), 12, 0.20m),
        new(new Usd(1_000_000m), 24, 0.25m),
    ];

    [Theory]
    [InlineData(999_999.99, 12, 0.10)]
    [InlineData(1_000_000, 12, 0.20)]
    [InlineData(1_000_000, 23, 0.20)]
    [InlineData(1_000_000, 24, 0.25)]
    [InlineData(5_000_000, 36, 0.25)]
    [InlineData(0, 12, 0.10)]
    public void The_best_row_that_applies_wins_and_minimums_are_inclusive(decimal annual, int term, decimal expected) =>
        Assert.Equal(expected, DiscountBand.Lookup(Bands, new Usd(annual), term));

    [Fact]
    public void No_band_applies_to_a_term_shorter_than_every_row() =>
        Assert.Null(DiscountBand.Lookup(Bands, new Usd(2_000_000m), 11));
}
