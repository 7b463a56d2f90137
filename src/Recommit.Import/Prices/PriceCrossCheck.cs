using Recommit.Pricing;

namespace Recommit.Import.Prices;

/// <summary>
/// Where the price book and another source (an imported LiteLLM file) disagree on a day (docs/pricing.md, "Cross-check"):
/// every rate line the source gives that differs from the book's entry in force, and the source's Claude names the book
/// does not know.
/// </summary>
public static class PriceCrossCheck
{
    /// <summary>One disagreement: the source's name, the book's model, the line, the book's rate and the source's.</summary>
    public sealed record Disagreement(string SourceKey, ModelId Model, string Rate, decimal Book, decimal Source);

    /// <summary>The disagreements on <paramref name="day"/>, by model then source name then line; and the unknown names.</summary>
    public static (IReadOnlyList<Disagreement> Disagreements, IReadOnlyList<string> Unknown) Run(PriceBook book, IReadOnlyList<ExternalPrice> prices, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(prices);
        var found = new List<Disagreement>();
        var unknown = new List<string>();
        foreach (var p in prices)
        {
            if (p.Model is not { } id)
            {
                unknown.Add(p.Key);
                continue;
            }
            var model = book.PricedModels.First(m => m.Info.Id == id);
            if (PriceHistory.EntryOn(model, day) is not { } entry) continue;
            var after = PriceImport.Apply(entry, p, day, "");
            foreach (var move in PriceHistory.Compare(id, day, entry, after))
                if (move.Old is { } o && move.New is { } n)
                    found.Add(new Disagreement(p.Key, id, move.Rate!, o, n));
        }
        return ([.. found.OrderBy(d => d.Model.Value, StringComparer.Ordinal).ThenBy(d => d.SourceKey, StringComparer.Ordinal)], [.. unknown]);
    }
}
