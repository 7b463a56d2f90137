using Recommit.Pricing;

namespace Recommit.Import.Prices;

/// <summary>
/// Turns rates from another source into price-book entries (docs/pricing.md, "Bring in prices"): for each model the
/// book knows, the entry in force on the effective day is copied, the source's rates replace the ones it gives, and
/// when any line differs the result is a new entry effective that day. Several source entries for one model (LiteLLM
/// lists a model under its Anthropic, Bedrock and Vertex names) must agree; the first one read wins and the others
/// are compared in <see cref="PriceCrossCheck"/>.
/// </summary>
public static class PriceImport
{
    /// <summary>The outcome: the new entries, the moves they make against the book, and the source names the book does not know.</summary>
    public sealed record Result(
        IReadOnlyList<(ModelId Model, PriceEntry Entry)> Entries,
        IReadOnlyList<PriceMove> Moves,
        IReadOnlyList<string> UnknownModels,
        int Unchanged);

    /// <summary>
    /// Builds the entries; <paramref name="source"/> is written into each entry's source field, and
    /// <paramref name="confirmed"/> false marks third-party figures (the LiteLLM file) as unconfirmed.
    /// </summary>
    public static Result Build(PriceBook book, IReadOnlyList<ExternalPrice> prices, DateOnly effective, string source, bool confirmed = true)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(prices);
        var entries = new List<(ModelId, PriceEntry)>();
        var moves = new List<PriceMove>();
        var unknown = new List<string>();
        var seen = new HashSet<(string, DateOnly)>();
        var unchanged = 0;
        foreach (var p in prices)
        {
            if (p.Model is not { } id)
            {
                unknown.Add(p.Key);
                continue;
            }
            var day = p.Effective ?? effective;
            if (!seen.Add((id.Value, day))) continue;
            var model = book.PricedModels.First(m => m.Info.Id == id);
            var before = PriceHistory.EntryOn(model, day) ?? model.Prices[0];
            var after = Apply(before, p, day, source) with { Confirmed = confirmed };
            var changed = PriceHistory.Compare(id, day, before, after);
            if (changed.Count == 0)
            {
                unchanged++;
                continue;
            }
            if (before.Effective == day)
                throw new ImportException($"{p.Where}: the price book already has an entry for {id} effective {day:yyyy-MM-dd}; choose another --effective day");
            entries.Add((id, after));
            moves.AddRange(changed);
        }
        return new Result(entries, moves, [.. unknown.Distinct(StringComparer.Ordinal)], unchanged);
    }

    /// <summary>The entry <paramref name="before"/> with the source's rates laid over it.</summary>
    internal static PriceEntry Apply(PriceEntry before, ExternalPrice p, DateOnly day, string source)
    {
        var s = before.Standard;
        var standard = new TokenRates(p.Input ?? s.Input, p.CacheWrite5m ?? s.CacheWrite5m, p.CacheWrite1h ?? s.CacheWrite1h,
            p.CacheRead ?? s.CacheRead, p.Output ?? s.Output);
        var longRates = before.LongRates;
        if (before.LongContext == LongContextRule.OwnRates && longRates is not null && (p.LongInput is not null || p.LongOutput is not null))
            longRates = longRates with { Input = p.LongInput ?? longRates.Input, Output = p.LongOutput ?? longRates.Output };
        return before with
        {
            Effective = day,
            Source = source,
            Standard = standard,
            LongRates = longRates,
            BatchMultiplier = p.BatchMultiplier ?? before.BatchMultiplier,
            Note = $"imported from {p.Key}",
        };
    }
}
