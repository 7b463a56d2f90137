using FsCheck.Xunit;
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

    [Theory]
    [InlineData(1, 40, 8)]
    // A day range of 9,999 years with 600 workspaces and 300 models does not fit one 64-bit sort key.
    [InlineData(2, 600, 300)]
    public void Cells_come_out_in_natural_key_order_with_their_summed_tokens(int seed, int workspaces, int models)
    {
        var random = new Random(seed);
        var days = new[] { DateOnly.MinValue, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), DateOnly.MaxValue };
        var expected = new Dictionary<UsageKey, long>();
        var b = new UsageCubeBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            var key = new UsageKey(days[random.Next(days.Length)], (Channel)random.Next(4), $"ws-{random.Next(workspaces)}",
                // New string instances each time, so the builder cannot rely on reference equality.
                string.Concat("model-", random.Next(models).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (ServiceTier)random.Next(3), (ContextBand)random.Next(2), (InferenceGeo)random.Next(2), (Speed)random.Next(2), (TokenKind)random.Next(6));
            var tokens = random.Next(1_000);
            b.Add(key, tokens);
            expected[key] = expected.GetValueOrDefault(key) + tokens;
        }
        var cube = b.Build();

        var order = expected.Keys
            .OrderBy(k => k.Day).ThenBy(k => k.Channel).ThenBy(k => k.Workspace, StringComparer.Ordinal).ThenBy(k => k.Model, StringComparer.Ordinal)
            .ThenBy(k => k.Tier).ThenBy(k => k.Band).ThenBy(k => k.Geo).ThenBy(k => k.Speed).ThenBy(k => k.Kind).ToList();
        Assert.Equal(order.Count, cube.Count);
        for (var i = 0; i < cube.Count; i++)
        {
            Assert.Equal(order[i], cube.Key(i));
            Assert.Equal(expected[order[i]], cube.Tokens(i));
        }
        Assert.Equal(cube.Workspaces.Order(StringComparer.Ordinal), cube.Workspaces);
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

    /// <summary>
    /// The builder's radix sort orders keys as a stable comparison sort does, items alongside: keys over any span of
    /// bits (the shift moves them up to the top bit), with repeats, which keep their items' order.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Radix_sort_orders_keys_and_their_items_as_a_stable_sort_does(ulong[] raw, byte shift, bool fewValues)
    {
        var keys = raw.Select(k => (fewValues ? k % 5 : k) << (shift % 64)).ToArray();
        var items = Enumerable.Range(0, keys.Length).ToArray();
        var expected = keys.Select((k, i) => (Key: k, Item: i)).OrderBy(p => p.Key).ToArray();
        UsageCubeBuilder.RadixSort(keys, items);
        return keys.SequenceEqual(expected.Select(p => p.Key)) && items.SequenceEqual(expected.Select(p => p.Item));
    }

    [Fact]
    public void Radix_sort_of_many_keys_over_wide_spans_matches_a_comparison_sort()
    {
        var rng = new Random(7);
        foreach (var bits in new[] { 1, 12, 13, 25, 37, 64 })
        {
            // NextInt64 gives 63 random bits; a 64-bit key takes one more.
            var keys = Enumerable.Range(0, 100_000)
                .Select(_ => bits == 64 ? ((ulong)rng.NextInt64() << 1) | (uint)rng.Next(2) : (ulong)rng.NextInt64() & ((1UL << bits) - 1)).ToArray();
            var expected = keys.Select((k, i) => (Key: k, Item: i)).OrderBy(p => p.Key).ToArray();
            var items = Enumerable.Range(0, keys.Length).ToArray();
            UsageCubeBuilder.RadixSort(keys, items);
            Assert.Equal(expected.Select(p => p.Key), keys);
            Assert.Equal(expected.Select(p => p.Item), items);
        }
    }

    /// <summary>Groups of one key's token kinds, added together, make the cube that one add per kind makes.</summary>
    [Property(MaxTest = 200)]
    public bool Adding_a_keys_kinds_at_once_gives_the_cube_of_one_add_per_kind(byte[][] groups)
    {
        var together = new UsageCubeBuilder();
        var oneByOne = new UsageCubeBuilder();
        foreach (var g in groups.Where(g => g is { Length: > 0 }))
        {
            // The first byte picks the key (few, so cells repeat); each further byte a kind and a count.
            var key = new UsageKey(Day1.AddDays(g[0] % 3), Channel.Anthropic, $"ws-{g[0] / 3 % 2}", $"model-{g[0] / 6 % 3}",
                (ServiceTier)(g[0] / 18 % 3), ContextBand.Standard, InferenceGeo.Global, Speed.Standard, TokenKind.WebSearch);
            var kinds = g.Skip(1).Select(b => (TokenKind)(b % 6)).ToArray();
            var tokens = g.Skip(1).Select(b => (long)b * 1_000).ToArray();
            if (together.AddKinds(key, kinds, tokens) != -1) return false;
            for (var i = 0; i < kinds.Length; i++) oneByOne.Add(key with { Kind = kinds[i] }, tokens[i]);
        }
        UsageCube a = together.Build(), b = oneByOne.Build();
        return a.Count == b.Count && Enumerable.Range(0, a.Count).All(i => a.Key(i) == b.Key(i) && a.Tokens(i) == b.Tokens(i));
    }

    [Fact]
    public void Adding_kinds_at_once_names_the_kind_whose_cell_would_wrap_and_leaves_it_and_the_rest()
    {
        var b = new UsageCubeBuilder();
        var key = UsageKey.Of(Day1, "m", TokenKind.WebSearch);
        b.Add(key with { Kind = TokenKind.Output }, long.MaxValue - 5);
        Assert.Equal(1, b.AddKinds(key, [TokenKind.UncachedInput, TokenKind.Output, TokenKind.CacheRead], [7, 6, 9]));
        var cube = b.Build();
        Assert.Equal([(TokenKind.UncachedInput, 7L), (TokenKind.Output, long.MaxValue - 5)], cube.Cells().Select(c => (c.Key.Kind, c.Tokens)).OrderBy(c => c.Kind));
        Assert.Equal(-1, new UsageCubeBuilder().AddKinds(key, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UsageCubeBuilder().AddKinds(key, [TokenKind.Output], [-1]));
    }

    /// <summary>
    /// Builders filled side by side over separate days (as the ClickHouse importer's two threads fill them) make the cube
    /// one builder makes of all the cells; an empty part is allowed, and parts whose days overlap are refused.
    /// </summary>
    [Theory]
    [InlineData(3, 40, 8)]
    [InlineData(4, 600, 300)]
    public void Builders_over_separate_days_build_the_cube_of_one_builder(int seed, int workspaces, int models)
    {
        var random = new Random(seed);
        var one = new UsageCubeBuilder();
        UsageCubeBuilder[] parts = [new(), new(), new()];
        for (var i = 0; i < 20_000; i++)
        {
            var day = Day1.AddDays(random.Next(60));
            var key = new UsageKey(day, (Channel)random.Next(4), $"ws-{random.Next(workspaces)}", $"model-{random.Next(models)}",
                (ServiceTier)random.Next(3), (ContextBand)random.Next(2), (InferenceGeo)random.Next(2), (Speed)random.Next(2), TokenKind.Output);
            TokenKind[] kinds = [(TokenKind)random.Next(6), (TokenKind)random.Next(6)];
            long[] tokens = [random.Next(1_000), random.Next(1_000)];
            one.AddKinds(key, kinds, tokens);
            // The first 20 days to the first part, the next 40 to the third: the middle part stays empty.
            var part = parts[day < Day1.AddDays(20) ? 0 : 2];
            part.AddKinds(part.SeriesOf(key), day, kinds, tokens);
        }
        UsageCube whole = one.Build(), joined = UsageCubeBuilder.Build(parts);

        Assert.Equal(whole.Count, joined.Count);
        Assert.Equal(whole.Workspaces.ToArray(), joined.Workspaces.ToArray());
        Assert.Equal(whole.Models.ToArray(), joined.Models.ToArray());
        Assert.All(Enumerable.Range(0, whole.Count), i => Assert.Equal((whole.Key(i), whole.Tokens(i)), (joined.Key(i), joined.Tokens(i))));
        var error = Assert.Throws<ArgumentException>(() => UsageCubeBuilder.Build([parts[2], parts[0]]));
        Assert.Contains($"builder 2 has a day ({Day1:yyyy-MM-dd}) not after every day of the builders before it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_that_is_not_a_token_kind_is_a_programmer_error()
    {
        var b = new UsageCubeBuilder();
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add(UsageKey.Of(Day1, "m", (TokenKind)6), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.AddKinds(UsageKey.Of(Day1, "m", TokenKind.Output), [(TokenKind)9], [1]));
    }

    [Fact]
    public void An_empty_cube_has_no_range() => Assert.Null(UsageCube.Empty.DayRange);
}
