using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Negotiation;

/// <summary>
/// A workload moved from another vendor as part of a package (docs/method.md §7, "Consolidation"): list dollars a month
/// per model family, moving from <see cref="Start"/> over a linear ramp of <see cref="RampMonths"/> months, and what it
/// costs a month elsewhere today. In the status quo the cost stays elsewhere (buyer cost, no vendor value); in the package
/// the moved share of the volume joins the usage paths and is billed through the ledger, and the rest still costs its
/// share elsewhere.
/// </summary>
public sealed record Consolidation(YearMonth Start, int RampMonths, ImmutableArray<ConsolidatedFamily> Families, Usd MonthlyCostElsewhere)
{
    /// <summary>The list dollars a month once fully moved.</summary>
    public Usd MonthlyListUsd => Families.Aggregate(Usd.Zero, (s, f) => s + f.MonthlyListUsd);

    /// <summary>The tokens a month by kind over the families with tokens (given or from the account's mix); null when none has.</summary>
    public ConsolidatedTokens? MonthlyTokens => Families.Any(f => f.MonthlyTokens is not null)
        ? Families.Where(f => f.MonthlyTokens is not null).Select(f => f.MonthlyTokens!).Aggregate(new ConsolidatedTokens(0, 0, 0, 0),
            (s, t) => new ConsolidatedTokens(s.Input + t.Input, s.Output + t.Output, s.CacheWrite + t.CacheWrite, s.CacheRead + t.CacheRead))
        : null;

    /// <summary>
    /// The families given in tokens priced at list in the start month (standard tier, context and speed, global
    /// inference; cache writes at the 5-minute rate) on their model: the one named, or the family's model in
    /// <paramref name="book"/> on sale then and released last. Families given in dollars are unchanged.
    /// </summary>
    public Consolidation PricedWith(PriceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var day = new DateOnly(Start.Year, Start.Month, 1);
        return this with
        {
            Families = [.. Families.Select(f =>
            {
                if (f.MonthlyTokens is not { } t || f.Estimated) return f;
                var model = f.Model ?? book.Models
                    .Where(m => string.Equals(m.Family, f.Family, StringComparison.OrdinalIgnoreCase) && (m.Released ?? DateOnly.MinValue) <= day
                        && (m.Retired is null || m.Retired > day))
                    .OrderByDescending(m => m.Released ?? DateOnly.MinValue).ThenBy(m => m.Id.Value, StringComparer.Ordinal)
                    .Select(m => m.Id.Value).FirstOrDefault()
                    ?? throw new ArgumentException($"no {f.Family} model is on sale in {Start} in price book {book.Version}; name one with \"model\"", nameof(book));
                decimal Price(TokenKind kind, long tokens) =>
                    tokens == 0 ? 0m : tokens * book.UnitPrice(model, day, kind, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
                var usd = Price(TokenKind.UncachedInput, t.Input) + Price(TokenKind.Output, t.Output)
                    + Price(TokenKind.CacheWrite5m, t.CacheWrite) + Price(TokenKind.CacheRead, t.CacheRead);
                return f with { MonthlyListUsd = new Usd(Math.Round(usd, 2, MidpointRounding.AwayFromZero)), Model = book.Resolve(model).Value };
            })],
        };
    }

    /// <summary>
    /// The families given in list dollars with their tokens a month by kind estimated at the account's own mix:
    /// <paramref name="usageOf"/> gives, for a family, the account's tokens by kind and their list dollars over a recent
    /// span; each kind scales by the family's list dollars here over those dollars (rounded to whole tokens, half away
    /// from zero). A family the account does not use (null, or no dollars) keeps no tokens.
    /// </summary>
    public Consolidation WithTokensAt(Func<string, (ConsolidatedTokens Tokens, decimal ListUsd)?> usageOf)
    {
        ArgumentNullException.ThrowIfNull(usageOf);
        return this with
        {
            Families = [.. Families.Select(f =>
            {
                if (f.MonthlyTokens is not null || usageOf(f.Family) is not { ListUsd: > 0 } used) return f;
                var factor = f.MonthlyListUsd.Value / used.ListUsd;
                long Scale(long tokens) => (long)Math.Round(tokens * factor, 0, MidpointRounding.AwayFromZero);
                var t = used.Tokens;
                return f with { Estimated = true, MonthlyTokens = new ConsolidatedTokens(Scale(t.Input), Scale(t.Output), Scale(t.CacheWrite), Scale(t.CacheRead)) };
            })],
        };
    }

    /// <summary>What the package consolidates, in words: list dollars a month and, per family given in tokens, the tokens by kind.</summary>
    public string Describe()
    {
        var families = string.Join("; ", Families.Select(f => f.MonthlyTokens is { } t
            ? f.Estimated
                ? $"{f.Family}: {f.MonthlyListUsd} list ≈ {t} tokens at the account's own {f.Family} mix"
                : $"{f.Family}: {t} tokens on {f.Model} = {f.MonthlyListUsd} list"
            : $"{f.Family}: {f.MonthlyListUsd} list"));
        return $"Consolidates {MonthlyListUsd} a month of list usage ({families}) from {Start} (ramp {RampMonths} months), now costing {MonthlyCostElsewhere} a month elsewhere.";
    }

    /// <summary>The share of the workload moved by <paramref name="month"/>: 0 before the start, then (k + 1) / ramp up to 1.</summary>
    public double MovedShare(YearMonth month)
    {
        var k = Start.MonthsUntil(month);
        return k < 0 ? 0 : Math.Min(1.0, (k + 1.0) / Math.Max(1, RampMonths));
    }
}
