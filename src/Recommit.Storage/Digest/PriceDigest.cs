using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Recommit.Analysis;
using Recommit.Forecasting;
using Recommit.Pricing;
using Recommit.Storage.Analyses;
using Recommit.Storage.Usage;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Storage.Digest;

/// <summary>
/// The weekly pricing digest (docs/pricing.md, "Weekly digest"): the moves that took effect in the
/// week (Monday to Sunday) and, for every tracked account, its analysis re-run under the book without those moves and
/// with them — same seed, same paths, so the difference is the moves alone — with the counters that fit.
/// </summary>
public sealed record PriceDigest(DateOnly WeekStart, DateOnly WeekEnd, string PriceBookVersion, ImmutableArray<PriceMove> Moves, ImmutableArray<AccountImpact> Accounts)
{
    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Builds the digest for the week holding <paramref name="day"/> over the accounts <paramref name="accountIds"/>
    /// (every account when null). Accounts are analysed only when the week has a move on a model they use;
    /// <paramref name="progress"/> hears each account's name.
    /// </summary>
    public static async Task<PriceDigest> BuildAsync(StoreContext db, PriceBook book, DateOnly day, AnalysisOptions options,
        IReadOnlyCollection<int>? accountIds = null, Action<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        var start = WeekOf(day);
        var end = start.AddDays(6);
        var moves = PriceHistory.Between(book, start.AddDays(-1), end);
        var before = book.WithoutChangesAfter(start.AddDays(-1));
        var q = db.Accounts.AsNoTracking();
        if (accountIds is not null) q = q.Where(a => accountIds.Contains(a.Id));
        var impacts = ImmutableArray.CreateBuilder<AccountImpact>();
        // An account's runs (both books, each counter's lever) forecast the same token usage: its usage is read once and
        // each series is fitted once (a fit depends on the tokens, not on prices or levers), then only paths and ledger run again.
        var fits = new FitCache();
        var usage = new UsageSnapshots();
        foreach (var account in await q.OrderBy(a => a.Name).ToListAsync(cancellation))
        {
            progress?.Invoke(account.Name);
            var (cube, spend) = await usage.ReadAsync(db, account.Id, cancellation);
            var used = InUse(cube, book);
            var counters = Counters(book, moves, used, start.AddDays(-1));
            if (cube.Count == 0 && spend.Rows.Length == 0)
            {
                impacts.Add(new AccountImpact(account.Id, account.Name, used, null, null, counters, "no usage stored"));
                continue;
            }
            if (!await db.ContractVersions.AnyAsync(c => c.AccountId == account.Id, cancellation))
            {
                impacts.Add(new AccountImpact(account.Id, account.Name, used, null, null, counters, "no contract stored"));
                continue;
            }
            var paysMoved = moves.Any(m => m.Kind == PriceMoveKind.RateChange && used.Contains(m.Model.Value));
            if (!paysMoved && counters.IsEmpty)
            {
                impacts.Add(new AccountImpact(account.Id, account.Name, used, null, null, counters, "no rate it pays moved this week"));
                continue;
            }
            try
            {
                var accountOptions = await OptionsAsync(db, account.Id, options, cancellation);
                var now = await new AnalysisRunner(db, book, fits, usage).WhatIfAsync(account.Id, accountOptions, cancellation);
                // Without a moved rate it pays (a launch alone) the old book prices its forecast exactly as the new one.
                var then = paysMoved ? await new AnalysisRunner(db, before, fits, usage).WhatIfAsync(account.Id, accountOptions, cancellation) : null;
                var valuation = new CounterValuation(db, before, book, account.Id, accountOptions, YearMonth.Of(end).AddMonths(1), fits, usage);
                var valued = await valuation.ValueAsync(counters, now, then, cancellation);
                var after = Figures(now);
                impacts.Add(new AccountImpact(account.Id, account.Name, used, then is null ? after with { PriceBookVersion = before.Version } : Figures(then), after, valued, null));
            }
            catch (InputException e)
            {
                impacts.Add(new AccountImpact(account.Id, account.Name, used, null, null, counters, e.Message));
            }
        }
        return new PriceDigest(start, end, book.Version, [.. moves], impacts.ToImmutable());
    }

    /// <summary>How far back from an account's last usage day a model counts as in use.</summary>
    public const int InUseDays = 90;

    /// <summary>
    /// The models an account uses now: those with usage in the last <see cref="InUseDays"/> days of its data (a model
    /// it moved off long ago neither pays a moved rate nor has traffic to route), by canonical id.
    /// </summary>
    private static ImmutableArray<string> InUse(UsageCube cube, PriceBook book)
    {
        if (cube.DayRange is not { } range) return [];
        var since = range.Last.AddDays(-InUseDays).DayNumber;
        var models = new HashSet<int>();
        for (var i = 0; i < cube.Count; i++)
            if (cube.DayNumber(i) > since) models.Add(cube.ModelIndex(i));
        return [.. models.Select(m => book.TryResolve(cube.Models[m], out var id) ? id.Value : cube.Models[m]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The options an account's digest runs use: the digest's paths, and the seed, gap threshold and levers of the
    /// account's latest finished analysis (so the digest re-prices the reforecast the analyst ran), else the defaults.
    /// </summary>
    private static async Task<AnalysisOptions> OptionsAsync(StoreContext db, int accountId, AnalysisOptions options, CancellationToken cancellation)
    {
        var request = await db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId && a.Status == AnalysisStatus.Done)
            .OrderByDescending(a => a.CreatedUtc).Select(a => a.Request).FirstOrDefaultAsync(cancellation);
        if (request is null || JsonSerializer.Deserialize<AnalysisOptions>(request, RequestJson) is not { } latest) return options;
        return options with { Seed = latest.Seed, Threshold = latest.Threshold, Levers = options.Levers ?? latest.Levers };
    }

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    private static DigestFigures Figures(AnalysisResult r) => new(
        r.Gap.ClassName, r.Gap.ProjectedPeriodEndPosition?.Value, r.CostOfDoingNothing.Mean.Value, r.Simulation.TotalBill.Mean.Value, r.PriceBookVersion)
    {
        Deal = r.Negotiation is not { Recommendation: var rec } n ? null : new DigestDeal(rec.Action, rec.NextCheck?.ToString(), rec.Sentence, rec.Package,
            rec.ExpectedSaving?.Value, n.Valuation.Packages.FirstOrDefault(p => p.Package.Name == rec.Package)?.VendorGain.Value),
    };

    /// <summary>
    /// The counters a week's moves offer an account that uses <paramref name="used"/>: a cut on a cache-read rate of a
    /// model in use is a caching lever, any other cut a shortfall risk under a dollar commitment, an increase a price
    /// protection ask, and a new model priced below a model in use (on input) that the model's traffic may route to
    /// (<see cref="RoutesTo"/>) a routing lever from the dearest such model.
    /// </summary>
    public static ImmutableArray<DigestCounter> Counters(PriceBook book, IReadOnlyList<PriceMove> moves, IReadOnlyCollection<string> used, DateOnly dayBefore)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(used);
        var counters = ImmutableArray.CreateBuilder<DigestCounter>();
        foreach (var m in moves)
        {
            var model = m.Model.Value;
            switch (m.Kind)
            {
                case PriceMoveKind.RateChange when used.Contains(model) && m.Old is { } o && m.New is { } n && n < o:
                    counters.Add(m.Rate is "cache_read" or "long.cache_read" or "fast.cache_read"
                        ? new DigestCounter(DigestCounterKind.Caching, m, $"Cache reads of {model} fell from {Usd(o)} to {Usd(n)} per MTok ({Percent(m)}): caching more of its input is worth more; revisit the caching lever.")
                        : new DigestCounter(DigestCounterKind.ShortfallRisk, m, $"{model} {m.Rate} fell from {Usd(o)} to {Usd(n)} ({Percent(m)}): the same work consumes a dollar commitment more slowly, which raises shortfall risk."));
                    break;
                case PriceMoveKind.RateChange when used.Contains(model) && m.Old is { } o && m.New is { } n && n > o:
                    counters.Add(new DigestCounter(DigestCounterKind.PriceProtection, m, $"{model} {m.Rate} rose from {Usd(o)} to {Usd(n)} ({Percent(m)}): ask for price protection over the term (increases withheld, cuts passed through)."));
                    break;
                case PriceMoveKind.NewModel:
                    var launched = book.PricedModels.First(p => p.Info.Id == m.Model);
                    var newEntry = launched.Prices[^1];
                    var dearer = used.Select(u => book.TryResolve(u, out var id) ? book.PricedModels.First(p => p.Info.Id == id) : null)
                        .Where(p => p is not null && p.Info.Id != m.Model && RoutesTo(p.Info, launched.Info))
                        .Select(p => (Model: p!.Info.Id.Value, Entry: PriceHistory.EntryOn(p, dayBefore)))
                        .Where(x => x.Entry is not null && x.Entry.Standard.Input > newEntry.Standard.Input)
                        .OrderByDescending(x => x.Entry!.Standard.Input).FirstOrDefault();
                    if (dearer.Entry is { } d)
                        counters.Add(new DigestCounter(DigestCounterKind.Routing, m,
                            $"{model} launched at {Usd(newEntry.Standard.Input)} input / {Usd(newEntry.Standard.Output)} output per MTok, below {dearer.Model} at {Usd(d.Standard.Input)} / {Usd(d.Standard.Output)}: a routing lever for work that fits it.")
                        { From = dearer.Model });
                    break;
            }
        }
        return counters.ToImmutable();
    }

    /// <summary>
    /// The routing rule (docs/pricing.md, "Weekly digest"): traffic routes to a newer model of the same family or to the
    /// family one tier below — opus → sonnet → haiku, the move of the levers' worked example (docs/method.md §5, Sonnet
    /// to Haiku) — never across two tiers (Opus work to Haiku) nor up. A family outside the three tiers routes within itself.
    /// </summary>
    public static bool RoutesTo(ModelInfo from, ModelInfo to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.Family == to.Family || (Tier(from.Family) is { } f && Tier(to.Family) is { } t && t == f - 1);
    }

    private static int? Tier(string family) => family switch { "opus" => 3, "sonnet" => 2, "haiku" => 1, _ => null };

    private static string Usd(decimal v) => "$" + v.ToString("0.00####", CultureInfo.InvariantCulture);

    private static string Percent(PriceMove m) => m.ChangePercent is { } p ? p.ToString("+0.#;-0.#", CultureInfo.InvariantCulture) + " %" : "new";
}
