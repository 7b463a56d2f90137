using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Recommit.Time;

namespace Recommit.Tests.Time;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("2026-01", 2026, 1)]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("2026-03-01", 2026, 3)]
    public void Parses_year_month_and_first_day_forms(string text, int year, int month) =>
        Assert.Equal(new YearMonth(year, month), YearMonth.Parse(text));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("26-01")]
    [InlineData("2026/01")]
    [InlineData("")]
    public void Rejects_text_that_is_not_a_month(string text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void Adding_months_crosses_year_boundaries()
    {
        Assert.Equal(new YearMonth(2027, 2), new YearMonth(2026, 11).AddMonths(3));
        Assert.Equal(new YearMonth(2025, 12), new YearMonth(2026, 1).AddMonths(-1));
        Assert.Equal(14, new YearMonth(2026, 1).MonthsUntil(new YearMonth(2027, 3)));
    }

    [Fact]
    public void Knows_its_days()
    {
        var feb = new YearMonth(2028, 2);
        Assert.Equal(29, feb.DaysInMonth);
        Assert.Equal(new DateOnly(2028, 2, 29), feb.LastDay);
        Assert.True(feb.Contains(new DateOnly(2028, 2, 1)));
        Assert.False(feb.Contains(new DateOnly(2028, 3, 1)));
    }

    [Fact]
    public void Round_trips_through_json_as_a_string()
    {
        var json = JsonSerializer.Serialize(new YearMonth(2026, 7));
        Assert.Equal("\"2026-07\"", json);
        Assert.Equal(new YearMonth(2026, 7), JsonSerializer.Deserialize<YearMonth>(json));
    }

    [Property]
    public Property Ordering_agrees_with_ordinal_and_equality(int a, int b)
    {
        var x = YearMonth.FromOrdinal(24_000 + Math.Abs(a % 2_000));
        var y = YearMonth.FromOrdinal(24_000 + Math.Abs(b % 2_000));
        var laws = Math.Sign(x.CompareTo(y)) == -Math.Sign(y.CompareTo(x))
            && (x.CompareTo(y) == 0) == (x == y)
            && (x < y) == (x.Ordinal < y.Ordinal)
            && (x != y || x.GetHashCode() == y.GetHashCode())
            && x.AddMonths(x.MonthsUntil(y)) == y
            && YearMonth.Parse(x.ToString()) == x;
        return laws.ToProperty();
    }
}
