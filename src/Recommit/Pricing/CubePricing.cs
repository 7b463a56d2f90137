using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>
/// Prices a usage cube through the price book as of each usage day (docs/method.md §1): cost = Σ tokens × the unit price in
/// force on the cell's day for its model, kind, tier, band, geography and speed.
/// </summary>
/// <remarks>
/// Each distinct model name of the cube is resolved once. Cells are then summed as whole tokens per month, model,
/// price entry and price combination, and each sum is multiplied by its unit price once; decimal multiplication of a
/// whole count is exact, so this equals pricing every cell and adding, without rounding anything.
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

        var months = new Dictionary<int, (long[] Tokens, bool[] Seen)>();
        var lastDay = int.MinValue;
        long[] tokens = [];
        bool[] seen = [];
        var entryOfModel = new int[cube.Models.Length];
        for (var i = 0; i < cube.Count; i++)
        {
            var day = cube.DayNumber(i);
            if (day != lastDay)
            {
                var date = DateOnly.FromDayNumber(day);
                var ordinal = date.Year * 12 + date.Month - 1;
                if (!months.TryGetValue(ordinal, out var sums))
                {
                    sums = (new long[width], new bool[width]);
                    months.Add(ordinal, sums);
                }
                (tokens, seen) = sums;
                Array.Fill(entryOfModel, int.MinValue);
                lastDay = day;
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

        // Sum into month × canonical model × kind (several names may map to one model).
        var rows = new SortedDictionary<(int Month, string Model, TokenKind Kind), (long Tokens, decimal Usd)>();
        var total = 0m;
        foreach (var (ordinal, sums) in months)
        {
            var month = YearMonth.FromOrdinal(ordinal);
            for (var m = 0; m < cube.Models.Length; m++)
            {
                var slot = modelSlot[m];
                for (var e = 0; e < book.EntryCount(slot); e++)
                {
                    var start = (entryBase[m] + e) * PriceBook.CombinationCount;
                    for (var c = 0; c < PriceBook.CombinationCount; c++)
                    {
                        if (!sums.Seen[start + c]) continue;
                        var count = sums.Tokens[start + c];
                        var usd = count * book.UnitPriceAt(slot, e, c, month.FirstDay);
                        var key = (ordinal, book.IdAt(slot).Value, (TokenKind)(c % 6));
                        var prev = rows.GetValueOrDefault(key);
                        rows[key] = (checked(prev.Tokens + count), prev.Usd + usd);
                        total += usd;
                    }
                }
            }
        }
        return new PricedUsage(book.Version,
            [.. rows.Select(r => new PricedUsageRow(YearMonth.FromOrdinal(r.Key.Month), new ModelId(r.Key.Model), r.Key.Kind, r.Value.Tokens, new Usd(r.Value.Usd)))],
            new Usd(total));
    }
}
