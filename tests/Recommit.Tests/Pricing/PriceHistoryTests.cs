using Recommit.Pricing;

namespace Recommit.Tests.Pricing;

/// <summary>The shipped price book read as a history (docs/pricing.md, "Price-book history").</summary>
public sealed class PriceHistoryTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    [Fact]
    public void Sonnet_5_5_cache_read_cut_of_2026_10_07_is_one_move_from_0_20_to_0_10()
    {
        var moves = PriceHistory.Between(Book, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        var sonnet = Assert.Single(moves, m => m.Model.Value == "claude-sonnet-5-5");
        Assert.Equal(PriceMoveKind.RateChange, sonnet.Kind);
        Assert.Equal(new DateOnly(2026, 10, 7), sonnet.Effective);
        Assert.Equal("cache_read", sonnet.Rate);
        Assert.Equal(0.2m, sonnet.Old);
        Assert.Equal(0.1m, sonnet.New);
        Assert.Equal(-50m, sonnet.ChangePercent);
        Assert.True(sonnet.IsCut);
    }

    [Fact]
    public void A_model_released_in_the_window_is_a_new_model_move()
    {
        var moves = PriceHistory.Between(Book, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        var haiku = Assert.Single(moves, m => m.Model.Value == "claude-haiku-5-5");
        Assert.Equal(PriceMoveKind.NewModel, haiku.Kind);
        Assert.Equal(new DateOnly(2026, 10, 7), haiku.Effective);
        Assert.Null(haiku.ChangePercent);
    }

    [Fact]
    public void The_window_excludes_its_first_day_and_includes_its_last()
    {
        var cut = new DateOnly(2026, 10, 7);
        Assert.DoesNotContain(PriceHistory.Between(Book, cut, new DateOnly(2026, 10, 31)), m => m.Model.Value == "claude-sonnet-5-5");
        Assert.Contains(PriceHistory.Between(Book, cut.AddDays(-1), cut), m => m.Model.Value == "claude-sonnet-5-5");
        Assert.Empty(PriceHistory.Between(Book, cut, cut));
    }

    [Fact]
    public void On_sale_lists_the_entry_in_force_and_leaves_out_models_not_yet_released()
    {
        var before = PriceHistory.OnSale(Book, new DateOnly(2026, 10, 6));
        var after = PriceHistory.OnSale(Book, new DateOnly(2026, 10, 7));

        Assert.Equal(0.2m, before.Single(x => x.Model.Info.Id.Value == "claude-sonnet-5-5").Entry.Standard.CacheRead);
        Assert.Equal(0.1m, after.Single(x => x.Model.Info.Id.Value == "claude-sonnet-5-5").Entry.Standard.CacheRead);
        Assert.DoesNotContain(before, x => x.Model.Info.Id.Value == "claude-haiku-5-5");
        Assert.Contains(after, x => x.Model.Info.Id.Value == "claude-haiku-5-5");
    }

    [Fact]
    public void Comparing_an_entry_with_itself_finds_no_move_and_every_changed_line_is_one_move()
    {
        var model = Book.PricedModels.Single(m => m.Info.Id.Value == "claude-sonnet-4-5");
        var entry = model.Prices[^1];
        Assert.Empty(PriceHistory.Compare(model.Info.Id, null, entry, entry));

        var changed = entry with { Standard = entry.Standard with { Input = 2.5m, Output = 12m }, BatchMultiplier = null };
        var moves = PriceHistory.Compare(model.Info.Id, new DateOnly(2026, 12, 1), entry, changed);
        Assert.Equal(["input", "output", "batch_multiplier"], moves.Select(m => m.Rate));
        Assert.Equal(-20m, moves[1].ChangePercent);
        Assert.Null(moves[2].New);
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PriceHistory.Between(Book, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 1)));
    }
}
