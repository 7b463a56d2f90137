using Recommit.Analysis.Notes;
using Recommit.Levers;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Analysis;

/// <summary>
/// List prices of the forecast months for every cell of the lever layout, month-major (docs/method.md §1, §6). A cell's
/// price is the price book's standard-band, global, standard-speed unit price on the month's first day (the last day
/// the model was sold when it has retired by then), times the cell's recent adjustment: the ratio of what its tokens
/// actually cost over the last three full months (long context, US-only inference, fast mode) to that standard price.
/// Cells no usage or lever can reach (priority tier, batch web searches without history) are priced 0.
/// </summary>
internal static class ForecastPricing
{
    public static double[] Prices(PriceBook book, TokenLayout layout, UsageCube cube, YearMonth first, int months, ICollection<AnalysisNote> notes)
    {
        var (adjustment, present) = Adjustments(book, layout, cube, first);
        var cells = layout.CellCount;
        var prices = new double[months * cells];
        var retiredNoted = new HashSet<string>(StringComparer.Ordinal);
        var anySearches = cube.TotalTokens(TokenKind.WebSearch) > 0;
        for (var m = 0; m < layout.Models.Length; m++)
        {
            var model = layout.Models[m];
            var info = book.Info(new ModelId(model));
            for (var t = 0; t < months; t++)
            {
                var day = first.AddMonths(t).FirstDay;
                if (info.Retired is { } retired && retired <= day)
                {
                    day = retired.AddDays(-1);
                    if (retiredNoted.Add(model))
                        notes.Add(new ModelRetiredNote(model, retired));
                }
                if (info.Released is { } released && released > day) day = released;
                for (var tier = 0; tier < TokenLayout.Tiers; tier++)
                {
                    for (var kind = 0; kind < TokenLayout.Kinds; kind++)
                    {
                        var cell = TokenLayout.Cell(m, (ServiceTier)tier, (TokenKind)kind);
                        // Routing moves web searches between models, so a standard-tier search cell is reachable
                        // only when the account has searches at all; batch never takes searches.
                        var reachable = present.Contains(cell)
                            || (tier == (int)ServiceTier.Standard && (kind != (int)TokenKind.WebSearch || anySearches))
                            || (tier == (int)ServiceTier.Batch && kind != (int)TokenKind.WebSearch);
                        if (!reachable) continue;
                        var unit = book.UnitPrice(model, day, (TokenKind)kind, (ServiceTier)tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
                        prices[t * cells + cell] = (double)unit * adjustment.GetValueOrDefault(cell, 1.0);
                    }
                }
            }
        }
        return prices;
    }

    private static (Dictionary<int, double> Adjustment, HashSet<int> Present) Adjustments(PriceBook book, TokenLayout layout, UsageCube cube, YearMonth first)
    {
        // One pass through the cube's pricing: each layout cell of the history, flagged when in the last three months.
        var from = first.AddMonths(-3);
        var layoutIndex = cube.Models.Select(name => layout.IndexOf(book.Resolve(name).Value)).ToArray();
        var sums = CubePricing.SumBy(cube, book,
            i => layoutIndex[cube.ModelIndex(i)] >= 0 && YearMonth.Of(cube.Day(i)) < first,
            i => (Cell: TokenLayout.Cell(layoutIndex[cube.ModelIndex(i)], cube.Tier(i), cube.Kind(i)), Recent: YearMonth.Of(cube.Day(i)) >= from));
        var present = sums.Keys.Select(k => k.Cell).ToHashSet();
        var adjustment = new Dictionary<int, double>();
        foreach (var ((cell, recent), sum) in sums)
            if (recent && sum.AtStandardRates.Value > 0m) adjustment[cell] = (double)(sum.ListUsd.Value / sum.AtStandardRates.Value);
        return (adjustment, present);
    }
}
