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
public static class ForecastPricing
{
    public static double[] Prices(PriceBook book, TokenLayout layout, UsageCube cube, YearMonth first, int months, ICollection<string> notes)
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
                        notes.Add($"{model} is retired on {retired:yyyy-MM-dd}; its forecast usage after that is priced at its last list price (add a routing lever to move it)");
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
        var actual = new Dictionary<int, decimal>();
        var standard = new Dictionary<int, decimal>();
        var present = new HashSet<int>();
        var from = first.AddMonths(-3);
        for (var i = 0; i < cube.Count; i++)
        {
            var month = YearMonth.Of(cube.Day(i));
            if (month >= first) continue;
            var key = cube.Key(i);
            var model = book.Resolve(key.Model).Value;
            var m = layout.IndexOf(model);
            if (m < 0) continue;
            var cell = TokenLayout.Cell(m, key.Tier, key.Kind);
            present.Add(cell);
            if (month < from) continue;
            var tokens = cube.Tokens(i);
            actual[cell] = actual.GetValueOrDefault(cell) + book.Cost(key, tokens).Value;
            standard[cell] = standard.GetValueOrDefault(cell) + tokens * book.UnitPrice(model, key.Day, key.Kind, key.Tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
        }
        var adjustment = new Dictionary<int, double>();
        foreach (var (cell, s) in standard)
            if (s > 0m) adjustment[cell] = (double)(actual[cell] / s);
        return (adjustment, present);
    }
}
