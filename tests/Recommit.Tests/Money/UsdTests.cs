using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Recommit.Money;

namespace Recommit.Tests.Money;

public sealed class UsdTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("102.604999", "102.60")]
    [InlineData("1712.995", "1713.00")]
    public void Rounds_to_the_cent_half_away_from_zero(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new Usd(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).RoundedToCents.Value);

    [Fact]
    public void Arithmetic_keeps_full_precision_until_written()
    {
        var third = new Usd(1m) / 3m;
        var sum = third + third + third;
        Assert.NotEqual(1m, sum.Value); // 0.9999…: never rounded in computation
        Assert.Equal(1.00m, sum.RoundedToCents.Value);
        Assert.Equal("1.00", JsonSerializer.Serialize(sum));
        Assert.Equal("1200.00", JsonSerializer.Serialize(new Usd(1200m)));
        Assert.Equal("0.00", JsonSerializer.Serialize(Usd.Zero));
    }

    [Fact]
    public void Formats_as_dollars_and_cents() => Assert.Equal("$1,713.00", new Usd(1713m).ToString());

    [Property]
    public Property Addition_is_commutative_and_zero_is_its_identity(decimal a, decimal b)
    {
        var x = new Usd(a % 1_000_000_000m);
        var y = new Usd(b % 1_000_000_000m);
        return (x + y == y + x && x + Usd.Zero == x && x - x == Usd.Zero && -(-x) == x).ToProperty();
    }

    [Property]
    public Property Ordering_agrees_with_the_amount(decimal a, decimal b)
    {
        var x = new Usd(a);
        var y = new Usd(b);
        return ((x < y) == (a < b) && (x >= y) == (a >= b) && Math.Sign(x.CompareTo(y)) == Math.Sign(a.CompareTo(b))).ToProperty();
    }
}
