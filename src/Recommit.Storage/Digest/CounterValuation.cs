using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Recommit.Analysis;
using Recommit.Forecasting;
using Recommit.Negotiation;
using Recommit.Pricing;
using Recommit.Storage.Analyses;
using Recommit.Storage.Usage;
using Recommit.Time;

namespace Recommit.Storage.Digest;

/// <summary>
/// Puts a value on each counter of one account (docs/pricing.md, "Weekly digest"), on the same seed and paths as the
/// account's before/after analyses: a routing or caching counter by re-running the analysis under the new book with that
/// lever added (its value is the fall in the mean bill of the term's remaining periods; docs/method.md §5–§6); a price-protection
/// ask by the negotiation engine, which values price protection on the best package against a sampled list-price move
/// (docs/method.md §7) — here a repeat, next calendar year, of the week's increases as they weigh on this account's
/// list spend.
/// </summary>
internal sealed class CounterValuation(StoreContext db, PriceBook before, PriceBook after, int accountId, AnalysisOptions options, YearMonth start,
    FitCache fits, UsageSnapshots usage)
{
    /// <summary>The share of the source model's traffic a routing counter moves (docs/levers.md, <c>share</c>).</summary>
    public const decimal RoutingShare = 0.3m;

    /// <summary>The cacheable share of uncached input a caching counter assumes (docs/levers.md, <c>cacheableShare</c>).</summary>
    public const decimal CacheableShare = 0.5m;

    /// <summary>The cache hit rate a caching counter assumes (docs/levers.md, <c>hitRate</c>).</summary>
    public const decimal HitRate = 0.8m;

    /// <summary>
    /// The counters with their values and the sentences that state them; <paramref name="now"/> and
    /// <paramref name="then"/> are the account's analyses under the new book and the book without the week's moves
    /// (null when no rate the account pays moved).
    /// </summary>
    public async Task<ImmutableArray<DigestCounter>> ValueAsync(ImmutableArray<DigestCounter> counters, AnalysisResult now, AnalysisResult? then, CancellationToken cancellation)
    {
        var valued = ImmutableArray.CreateBuilder<DigestCounter>(counters.Length);
        (decimal Size, bool Rises, int Year, AnalysisResult Result)? protection = null;
        foreach (var c in counters)
        {
            try
            {
                valued.Add(c.Kind switch
                {
                    DigestCounterKind.Routing when c.From is { } from => await RoutingAsync(c, from, now, cancellation),
                    DigestCounterKind.Caching => await CachingAsync(c, now, then, cancellation),
                    DigestCounterKind.PriceProtection when then is not null =>
                        Protection(c, protection ??= await ProtectionRunAsync(counters, now, then, cancellation)),
                    _ => c,
                });
            }
            catch (InputException e)
            {
                valued.Add(c with { Sentence = $"{c.Sentence} Not valued: {e.Message}." });
            }
        }
        return valued.ToImmutable();
    }

    private async Task<DigestCounter> RoutingAsync(DigestCounter c, string from, AnalysisResult now, CancellationToken cancellation)
    {
        var lever = new JsonObject
        {
            ["type"] = "routing", ["name"] = $"digest: route {Percent(RoutingShare)} of {from} to {c.Move.Model.Value}", ["start"] = start.ToString(),
            ["from"] = from, ["to"] = c.Move.Model.Value, ["share"] = RoutingShare,
        };
        var saving = Saving(now, await RunAsync(after, lever, cancellation));
        return c with
        {
            BuyerValue = saving,
            Sentence = Text($"{c.Sentence} Routing {Percent(RoutingShare)} of {from}'s traffic to it from {start} {Effect(saving, now)}."),
        };
    }

    private async Task<DigestCounter> CachingAsync(DigestCounter c, AnalysisResult now, AnalysisResult? then, CancellationToken cancellation)
    {
        var lever = new JsonObject
        {
            ["type"] = "caching", ["name"] = $"digest: cache {c.Move.Model.Value}", ["start"] = start.ToString(), ["model"] = c.Move.Model.Value,
            ["cacheableShare"] = CacheableShare, ["hitRate"] = HitRate, ["write"] = "5m",
        };
        var saving = Saving(now, await RunAsync(after, lever, cancellation));
        var sentence = Text($"{c.Sentence} Caching {Percent(CacheableShare)} of its uncached input at a hit rate of {Percent(HitRate)} from {start} {Effect(saving, now)} at the new rate");
        if (then is not null)
        {
            var was = Saving(then, await RunAsync(before, (JsonObject)lever.DeepClone(), cancellation));
            sentence += Text($" (at the old rate it {Effect(was, then)})");
        }
        return c with { BuyerValue = saving, Sentence = sentence + "." };
    }

    /// <summary>
    /// The size of the week's moves on this account's list spend — Σ P50 forecast list dollars under the new book over
    /// Σ under the old one, from the first month the earliest increase prices — and the analysis under the new book with
    /// a repeat of that size next calendar year (probability 1) as the negotiation's list-price move.
    /// </summary>
    private async Task<(decimal Size, bool Rises, int Year, AnalysisResult Result)> ProtectionRunAsync(ImmutableArray<DigestCounter> counters, AnalysisResult now, AnalysisResult then, CancellationToken cancellation)
    {
        var effective = counters.Where(c => c.Kind == DigestCounterKind.PriceProtection).Min(c => c.Move.Effective) ?? start.FirstDay;
        var from = effective.Day == 1 ? YearMonth.Of(effective) : YearMonth.Of(effective).AddMonths(1);
        decimal Sum(AnalysisResult r) => r.Forecast.Months.Where(m => m.Actual is null && m.Month >= from).Sum(m => m.BaselineP50.Value);
        var old = Sum(then);
        var rise = old > 0 ? Sum(now) / old - 1m : 0m;
        var size = Math.Round(rise, 4, MidpointRounding.AwayFromZero);
        var year = effective.Year + 1;
        if (size <= 0) return (size, rise > 0, year, now);
        var assumptions = NegotiationAssumptions.Default with { PriceMoves = [new Negotiation.PriceMove(year, 1m, size)] };
        return (size, true, year, await new AnalysisRunner(db, after, fits, usage).WhatIfAsync(accountId, options, assumptions, cancellation));
    }

    private static DigestCounter Protection(DigestCounter c, (decimal Size, bool Rises, int Year, AnalysisResult Result) run)
    {
        // The size is the rise to four decimals; a rise smaller than that is still a rise, and is not called none.
        if (run.Size <= 0)
            return c with { Sentence = run.Rises
                ? Text($"{c.Sentence} The week's moves raise this account's forecast list spend by under 0.01 %, too little to put a value on protection here.")
                : Text($"{c.Sentence} The week's moves do not raise this account's forecast list spend overall, so protection has no value to put on it here.") };
        var size = (run.Size * 100m).ToString("+0.##", CultureInfo.InvariantCulture) + " %";
        var negotiation = run.Result.Negotiation;
        if (negotiation?.Trades.FirstOrDefault(t => t.Kind == "ask" && t.Name.StartsWith("price protection", StringComparison.Ordinal)) is not { } trade
            || negotiation.Recommendation.Package is not { } package)
            return c with { Sentence = Text($"{c.Sentence} The week's moves add {size} to this account's forecast list spend; no package is a mutual gain within the risk cap to add protection to.") };
        var vendor = trade.VendorValue.Value < 0 ? $"costs the vendor {Shown(-trade.VendorValue.Value)}" : $"is worth {Shown(trade.VendorValue.Value)} to the vendor";
        return c with
        {
            BuyerValue = trade.BuyerValue.Value,
            VendorValue = trade.VendorValue.Value,
            Sentence = Text($"{c.Sentence} The week's moves add {size} to this account's forecast list spend; against a repeat of that in {run.Year}, price protection on {package} is worth {Shown(trade.BuyerValue.Value)} to the buyer and {vendor} (negotiation engine)."),
        };
    }

    private async Task<AnalysisResult> RunAsync(PriceBook book, JsonObject lever, CancellationToken cancellation)
    {
        var levers = options.Levers is { Length: > 0 } own ? JsonNode.Parse(own)!.AsObject() : new JsonObject { ["levers"] = new JsonArray() };
        levers["levers"]!.AsArray().Add(lever);
        // Only the run's bill is read (Saving): the packages are not valued.
        return await new AnalysisRunner(db, book, fits, usage).WhatIfAsync(accountId, options with { Levers = levers.ToJsonString(), Negotiate = false }, cancellation);
    }

    /// <summary>The fall in the mean bill of the term's remaining periods from <paramref name="without"/> to <paramref name="with"/>.</summary>
    private static decimal Saving(AnalysisResult without, AnalysisResult with) => without.Simulation.TotalBill.Mean.Value - with.Simulation.TotalBill.Mean.Value;

    /// <summary>What a lever saving <paramref name="saving"/> does to the expected bill of <paramref name="run"/>'s window.</summary>
    private static string Effect(decimal saving, AnalysisResult run) => Text(saving switch
    {
        > 0 => $"lowers the expected bill for the rest of the term (to {TermEnd(run)}) by {Shown(saving)}",
        < 0 => $"raises the expected bill for the rest of the term (to {TermEnd(run)}) by {Shown(-saving)}",
        _ => $"does not change the expected bill for the rest of the term (to {TermEnd(run)})",
    });

    private static YearMonth TermEnd(AnalysisResult run) => run.Contract.End.AddMonths(-1);

    private static string Shown(decimal simulated) => DigestText.Shown(simulated);

    private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
