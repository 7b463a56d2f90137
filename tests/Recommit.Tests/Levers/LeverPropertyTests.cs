using FsCheck.Xunit;
using Recommit.Levers;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Tests.Levers;

public class LeverPropertyTests
{
    private const string Sonnet = "claude-sonnet-4-5";
    private const string Haiku = "claude-haiku-4-5";
    private static readonly YearMonth Start = new(2026, 3);

    private static decimal[] Cells(TokenLayout layout, int[] seeds)
    {
        var cells = new decimal[layout.CellCount];
        for (var i = 0; i < cells.Length; i++) cells[i] = seeds.Length == 0 ? 0 : Math.Abs(seeds[i % seeds.Length] % 1000) + i % 7;
        return cells;
    }

    private static decimal Tokens(decimal[] cells) => cells.Where((_, i) => i % TokenLayout.Kinds != (int)TokenKind.WebSearch).Sum();

    [Property]
    public bool Levers_without_token_inflation_conserve_tokens(int[] seeds, byte share, byte cacheable, byte hit, byte batch, byte monthsIn)
    {
        var layout = new TokenLayout([Sonnet, Haiku]);
        var plan = new LeverPlan([
            new RoutingLever("r", Start, 3, Sonnet, Haiku, UncertainRange.Point(share / 255m), 1m),
            new CachingLever("c", Start, 2, null, UncertainRange.Point(cacheable / 255m), UncertainRange.Point(hit / 255m), CacheWriteDuration.OneHour),
            new BatchLever("b", Start, 0, null, UncertainRange.Point(batch / 255m)),
        ]);
        var set = LeverSet.Resolve(plan, layout, LeverExampleTests.Info);
        var cells = Cells(layout, seeds);
        var before = Tokens(cells);
        set.Apply<decimal>(cells, Start.AddMonths(monthsIn % 8).Ordinal, set.MidpointValues<decimal>());
        return Math.Abs(Tokens(cells) - before) <= 1e-18m * Math.Max(1, before) && cells.All(c => c >= 0);
    }

    [Property]
    public bool Levers_never_raise_the_list_price_of_a_month_without_token_inflation(int[] seeds, byte share, byte cacheable, byte hit, byte batch)
    {
        // Haiku is cheaper than Sonnet, cache reads are cheaper than input, batch halves: with h ≥ 0.5 and 5-minute
        // writes (1.25 × input) caching costs at most 0.5·1.25 + 0.5·0.1 < 1 of the input it replaces.
        var layout = new TokenLayout([Sonnet, Haiku]);
        var plan = new LeverPlan([
            new RoutingLever("r", Start, 0, Sonnet, Haiku, UncertainRange.Point(share / 255m), 1m),
            new CachingLever("c", Start, 0, null, UncertainRange.Point(cacheable / 255m), UncertainRange.Point(0.5m + hit / 510m), CacheWriteDuration.FiveMinutes),
            new BatchLever("b", Start, 0, null, UncertainRange.Point(batch / 255m)),
        ]);
        var set = LeverSet.Resolve(plan, layout, LeverExampleTests.Info);
        var cells = Cells(layout, seeds);
        var prices = layout.Prices<decimal>(LeverExampleTests.Price);
        var before = LeverSet.Price<decimal>(cells, prices);
        set.Apply<decimal>(cells, Start.Ordinal, set.MidpointValues<decimal>());
        return LeverSet.Price<decimal>(cells, prices) <= before;
    }
}
