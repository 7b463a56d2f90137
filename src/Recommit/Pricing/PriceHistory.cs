namespace Recommit.Pricing;

/// <summary>
/// Reads a price book as a history (docs/pricing.md "Price-book history"): which models were on sale
/// and at what rates on a day, and every move between two days — new models, retirements and each changed rate line as
/// one <see cref="PriceMove"/>.
/// </summary>
public static class PriceHistory
{
    /// <summary>The models on sale on <paramref name="day"/> (released on or before it, not retired before it, with a price entry in force), with that entry.</summary>
    public static IReadOnlyList<(PricedModel Model, PriceEntry Entry)> OnSale(PriceBook book, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(book);
        var list = new List<(PricedModel, PriceEntry)>();
        foreach (var m in book.PricedModels)
        {
            if (m.Info.Released is { } released && released > day) continue;
            if (m.Info.Retired is { } retired && retired <= day) continue;
            if (EntryOn(m, day) is { } entry) list.Add((m, entry));
        }
        return list;
    }

    /// <summary>
    /// Every move that takes effect after <paramref name="from"/> and on or before <paramref name="to"/>: a model's
    /// release (or its first price entry) is a new model; its retirement a retirement; each later price entry is compared
    /// with the one before it, line by line, and every line that differs is one rate change. Ordered by day, model, line.
    /// </summary>
    public static IReadOnlyList<PriceMove> Between(PriceBook book, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (to < from) throw new ArgumentException($"the window ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})", nameof(to));
        var moves = new List<PriceMove>();
        foreach (var m in book.PricedModels)
        {
            var launch = m.Info.Released ?? m.Prices[0].Effective;
            if (launch is { } l && l > from && l <= to)
                moves.Add(new PriceMove(PriceMoveKind.NewModel, m.Info.Id, l, null, null, null));
            if (m.Info.Retired is { } r && r > from && r <= to)
                moves.Add(new PriceMove(PriceMoveKind.Retired, m.Info.Id, r, null, null, null));
            for (var e = 1; e < m.Prices.Length; e++)
                if (m.Prices[e].Effective is { } day && day > from && day <= to)
                    moves.AddRange(Compare(m.Info.Id, day, m.Prices[e - 1], m.Prices[e]));
        }
        return [.. moves.OrderBy(x => x.Effective).ThenBy(x => x.Model.Value, StringComparer.Ordinal).ThenBy(x => x.Kind)];
    }

    /// <summary>The rate lines that differ between two entries of one model, as moves effective on <paramref name="day"/>.</summary>
    public static IReadOnlyList<PriceMove> Compare(ModelId model, DateOnly? day, PriceEntry before, PriceEntry after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = PriceLine.Of(before).ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
        var now = PriceLine.Of(after).ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
        var moves = new List<PriceMove>();
        foreach (var line in PriceLine.Of(before).Concat(PriceLine.Of(after)).Select(l => l.Name).Distinct(StringComparer.Ordinal))
        {
            decimal? o = old.TryGetValue(line, out var ov) ? ov : null;
            decimal? n = now.TryGetValue(line, out var nv) ? nv : null;
            if (o != n) moves.Add(new PriceMove(PriceMoveKind.RateChange, model, day, line, o, n));
        }
        return moves;
    }

    /// <summary>The entry of a model in force on a day, or null before its first entry.</summary>
    public static PriceEntry? EntryOn(PricedModel model, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        PriceEntry? found = null;
        foreach (var p in model.Prices)
            if (p.Effective is null || p.Effective <= day) found = p;
        return found;
    }
}
