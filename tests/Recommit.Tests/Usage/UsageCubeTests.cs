using Recommit.Usage;

namespace Recommit.Tests.Usage;

public sealed class UsageCubeTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 1);
    private static readonly DateOnly Day2 = new(2026, 3, 2);

    [Fact]
    public void Adding_the_same_cell_twice_sums_its_tokens()
    {
        var b = new UsageCubeBuilder();
        b.Add(UsageKey.Of(Day1, "claude-sonnet-4-5", TokenKind.Output), 100);
        b.Add(UsageKey.Of(Day1, "claude-sonnet-4-5", TokenKind.Output), 50);
        var cube = b.Build();
        Assert.Equal(1, cube.Count);
        Assert.Equal(150, cube.Tokens(0));
    }

    [Fact]
    public void Setting_a_cell_again_replaces_it_and_reports_the_duplicate()
    {
        var b = new UsageCubeBuilder();
        Assert.False(b.Set(UsageKey.Of(Day1, "m", TokenKind.Output), 100));
        Assert.True(b.Set(UsageKey.Of(Day1, "m", TokenKind.Output), 70));
        Assert.Equal(70, b.Build().Tokens(0));
    }

    [Fact]
    public void Cells_are_sorted_by_day_and_round_trip_their_keys()
    {
        var b = new UsageCubeBuilder();
        var late = new UsageKey(Day2, Channel.Bedrock, "research", "claude-haiku-4-5", ServiceTier.Batch, ContextBand.Long, InferenceGeo.Us, Speed.Fast, TokenKind.CacheRead);
        var early = UsageKey.Of(Day1, "claude-opus-4-6", TokenKind.UncachedInput);
        b.Add(late, 7);
        b.Add(early, 3);
        var cube = b.Build();
        Assert.Equal(early, cube.Key(0));
        Assert.Equal(late, cube.Key(1));
        Assert.Equal((Day1, Day2), cube.DayRange);
        Assert.Equal(["", "research"], cube.Workspaces.ToArray());
        Assert.Equal(7, cube.TotalTokens(TokenKind.CacheRead));
    }

    [Fact]
    public void Negative_tokens_are_a_programmer_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UsageCubeBuilder().Add(UsageKey.Of(Day1, "m", TokenKind.Output), -1));

    [Fact]
    public void Token_sums_that_would_wrap_throw_instead()
    {
        var b = new UsageCubeBuilder();
        b.Add(UsageKey.Of(Day1, "m", TokenKind.Output), long.MaxValue);
        Assert.Throws<OverflowException>(() => b.Add(UsageKey.Of(Day1, "m", TokenKind.Output), 1));
    }

    [Fact]
    public void An_empty_cube_has_no_range() => Assert.Null(UsageCube.Empty.DayRange);
}
