using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>
/// Prices a usage cube through the price book as of each usage day (docs/method.md §1): cost = Σ tokens × the unit
/// price in force on the cell's day for its model, kind, tier, band, geography and speed. This is the one way a cube
/// becomes dollars: the ledger's monthly input, the priced breakdown, the usage by workspace and the forecast's price
/// adjustments all come from here.
/// </summary>
/// <remarks>
/// Each distinct model name of the cube is resolved once. Cells are then summed as whole tokens per month, group,
/// model, price entry and price combination, and each sum is multiplied by its unit price once; decimal
/// multiplication of a whole count is exact, so this equals pricing every cell and adding, without rounding anything.
/// </remarks>
public static class CubePricing
{
    /// <summary>List dollars per month, summed over every cell (the ledger's input).</summary>
    public static IReadOnlyDictionary<YearMonth, Usd> MonthlyListUsd(UsageCube cube, PriceBook book) =>
        Price(cube, book).MonthlyListUsd();

    /// <summary>
    /// The priced breakdown month × model × token kind with the price-book version and grand total.
    /// <see cref="UnknownModelException"/> for a model the book does not know; <see cref="UnsupportedPricingException"/>
    /// for a combination it does not price.
    /// </summary>
    public static PricedUsage Price(UsageCube cube, PriceBook book)
    {
        var rows = new SortedDictionary<(int Month, string Model, TokenKind Kind), (long Tokens, decimal Usd)>();
        var total = 0m;
        foreach (var s in Sums(cube, book, null))
        {
            var usd = s.Tokens * book.UnitPriceAt(s.Slot, s.Entry, s.Combination, s.Month.FirstDay);
            var key = (s.Month.Ordinal, book.IdAt(s.Slot).Value, PriceBook.Decompose(s.Combination).Kind);
            var prev = rows.GetValueOrDefault(key);
            rows[key] = (checked(prev.Tokens + s.Tokens), prev.Usd + usd);
            total += usd;
        }
        return new PricedUsage(book.Version,
            [.. rows.Select(r => new PricedUsageRow(YearMonth.FromOrdinal(r.Key.Month), new ModelId(r.Key.Model), r.Key.Kind, r.Value.Tokens, new Usd(r.Value.Usd)))],
            new Usd(total));
    }

    /// <summary>
    /// Tokens and list dollars of the cells <paramref name="include"/> accepts, summed by <paramref name="keyOf"/>; both
    /// get the cell's index in the cube. Each sum also carries what its tokens would cost at the standard context
    /// band, global inference and standard speed (same model, day, kind and tier), for the forecast's price adjustment
    /// (docs/method.md §6).
    /// </summary>
    public static IReadOnlyDictionary<TKey, PricedSum> SumBy<TKey>(UsageCube cube, PriceBook book, Func<int, bool> include, Func<int, TKey> keyOf)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(keyOf);
        var keys = new List<TKey>();
        var groups = new Dictionary<TKey, int>();
        var result = new Dictionary<TKey, PricedSum>();
        foreach (var s in Sums(cube, book, i =>
                 {
                     if (!include(i)) return -1;
                     var key = keyOf(i);
                     if (!groups.TryGetValue(key, out var g))
                     {
                         groups.Add(key, g = keys.Count);
                         keys.Add(key);
                     }
                     return g;
                 }))
        {
            var (kind, tier, _, _, _) = PriceBook.Decompose(s.Combination);
            var standard = PriceBook.Combination(kind, tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
            var day = s.Month.FirstDay;
            var key = keys[s.Group];
            var prev = result.GetValueOrDefault(key);
            result[key] = new PricedSum(checked(prev.Tokens + s.Tokens),
                prev.ListUsd + new Usd(s.Tokens * book.UnitPriceAt(s.Slot, s.Entry, s.Combination, day)),
                prev.AtStandardRates + new Usd(s.Tokens * book.UnitPriceAt(s.Slot, s.Entry, standard, day)));
        }
        return result;
    }

    /// <summary>Whole tokens of one price: a month, a group, a model slot, its price entry and a price combination.</summary>
    private readonly record struct TokenSum(YearMonth Month, int Group, int Slot, int Entry, int Combination, long Tokens);

    /// <summary>
    /// Sums the cube's tokens per month × group × model × price entry × combination. <paramref name="groupOf"/> maps a
    /// cell index to a group number (negative: left out); null puts every cell in group 0. An unpriced combination
    /// fails on the first cell that needs it, naming its day.
    /// </summary>
    private static List<TokenSum> Sums(UsageCube cube, PriceBook book, Func<int, int>? groupOf)
    {
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(book);

        // One name lookup per distinct model; entry slots of all models laid end to end.
        var modelSlot = new int[cube.Models.Length];
        var entryBase = new int[cube.Models.Length];
        var slots = 0;
        for (var m = 0; m < cube.Models.Length; m++)
        {
            modelSlot[m] = book.SlotOf(cube.Models[m]);
            entryBase[m] = slots;
            slots += book.EntryCount(modelSlot[m]);
        }
        var width = slots * PriceBook.CombinationCount;

        var sums = new Dictionary<(int Ordinal, int Group), (long[] Tokens, bool[] Seen)>();
        var lastDay = int.MinValue;
        var lastGroup = int.MinValue;
        var ordinal = 0;
        long[] tokens = [];
        bool[] seen = [];
        var entryOfModel = new int[cube.Models.Length];
        for (var i = 0; i < cube.Count; i++)
        {
            var group = groupOf is null ? 0 : groupOf(i);
            if (group < 0) continue;
            var day = cube.DayNumber(i);
            if (day != lastDay)
            {
                var date = DateOnly.FromDayNumber(day);
                ordinal = date.Year * 12 + date.Month - 1;
                Array.Fill(entryOfModel, int.MinValue);
                lastDay = day;
                lastGroup = int.MinValue;
            }
            if (group != lastGroup)
            {
                if (!sums.TryGetValue((ordinal, group), out var found))
                {
                    found = (new long[width], new bool[width]);
                    sums.Add((ordinal, group), found);
                }
                (tokens, seen) = found;
                lastGroup = group;
            }
            var model = cube.ModelIndex(i);
            var entry = entryOfModel[model];
            if (entry == int.MinValue)
                entryOfModel[model] = entry = book.EntryIndexOrThrow(modelSlot[model], day);
            var combination = PriceBook.Combination(cube.Kind(i), cube.Tier(i), cube.Band(i), cube.Geo(i), cube.Speed(i));
            var cell = (entryBase[model] + entry) * PriceBook.CombinationCount + combination;
            if (!seen[cell])
            {
                // First cell of this price in the month: an unpriced combination fails here, naming its day.
                book.UnitPriceAt(modelSlot[model], entry, combination, DateOnly.FromDayNumber(day));
                seen[cell] = true;
            }
            tokens[cell] = checked(tokens[cell] + cube.Tokens(i));
        }

        var list = new List<TokenSum>();
        foreach (var ((month, group), (counts, used)) in sums)
        {
            for (var m = 0; m < cube.Models.Length; m++)
            {
                var slot = modelSlot[m];
                for (var e = 0; e < book.EntryCount(slot); e++)
                {
                    var start = (entryBase[m] + e) * PriceBook.CombinationCount;
                    for (var c = 0; c < PriceBook.CombinationCount; c++)
                        if (used[start + c]) list.Add(new TokenSum(YearMonth.FromOrdinal(month), group, slot, e, c, counts[start + c]));
                }
            }
        }
        return list;
    }
}
