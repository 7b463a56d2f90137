using System.Globalization;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Analysis;

/// <summary>
/// Turns a spend table (list dollars by month and model or family) into a usage cube through a token mix (docs/method.md §5,
/// "Spend-only accounts"): a row naming a model uses that model; a row naming a family uses the newest model of the
/// family sold in that month. Tokens per kind = dollars × share / Σ (share × unit price). The cube's cells are dated
/// the first of the month, standard tier; every figure computed from it rests on the assumed mix.
/// </summary>
internal static class SpendConversion
{
    public static UsageCube ToCube(SpendTable spend, PriceBook book, IReadOnlyDictionary<string, TokenMix>? overrides)
    {
        var builder = new UsageCubeBuilder();
        foreach (var row in spend.Rows)
        {
            if (row.ListUsd.Value <= 0m) continue;
            var model = ModelFor(row.ModelOrFamily, row.Month, book);
            var info = book.Info(model);
            var mix = overrides?.GetValueOrDefault(info.Family) ?? overrides?.GetValueOrDefault(model.Value) ?? TokenMix.Default(info.Family);
            if (mix.Total <= 0m) throw new AnalysisException($"token mix for '{info.Family}': shares sum to {mix.Total.ToString(CultureInfo.InvariantCulture)}, expected 1");
            var day = row.Month.FirstDay;
            decimal Price(TokenKind k) => book.UnitPrice(model.Value, day, k, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);
            var perToken = (mix.UncachedInput * Price(TokenKind.UncachedInput) + mix.CacheWrite5m * Price(TokenKind.CacheWrite5m)
                + mix.CacheRead * Price(TokenKind.CacheRead) + mix.Output * Price(TokenKind.Output)) / mix.Total;
            if (perToken <= 0m) throw new AnalysisException($"model '{model}' has no list price in {row.Month}");
            var tokens = row.ListUsd.Value / perToken;
            void Add(TokenKind k, decimal share)
            {
                if (share > 0m) builder.Add(UsageKey.Of(day, model.Value, k), (long)Math.Round(tokens * share / mix.Total, MidpointRounding.AwayFromZero));
            }
            Add(TokenKind.UncachedInput, mix.UncachedInput);
            Add(TokenKind.CacheWrite5m, mix.CacheWrite5m);
            Add(TokenKind.CacheRead, mix.CacheRead);
            Add(TokenKind.Output, mix.Output);
        }
        return builder.Build();
    }

    private static ModelId ModelFor(string name, YearMonth month, PriceBook book)
    {
        if (book.TryResolve(name, out var id)) return id;
        var candidates = book.Models
            .Where(m => string.Equals(m.Family, name.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(m => (m.Released is null || m.Released <= month.LastDay) && (m.Retired is null || m.Retired > month.FirstDay))
            .OrderByDescending(m => m.Released ?? DateOnly.MinValue)
            .ToList();
        return candidates.Count > 0
            ? candidates[0].Id
            : throw new AnalysisException($"spend row {month} '{name}': neither a model nor a model family with a model sold that month in price book {book.Version}");
    }
}
