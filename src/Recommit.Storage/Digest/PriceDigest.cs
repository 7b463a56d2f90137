using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Recommit.Analysis;
using Recommit.Pricing;
using Recommit.Storage.Analyses;
using Recommit.Storage.Usage;

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
        foreach (var account in await q.OrderBy(a => a.Name).ToListAsync(cancellation))
        {
            progress?.Invoke(account.Name);
            var (cube, spend) = await new UsageStore(db).ReadAsync(account.Id, cancellation);
            var used = cube.Models.Select(m => book.TryResolve(m, out var id) ? id.Value : m).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
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
            if (!moves.Any(m => m.Kind == PriceMoveKind.RateChange && used.Contains(m.Model.Value)))
            {
                impacts.Add(new AccountImpact(account.Id, account.Name, used, null, null, counters, "no rate it pays moved this week"));
                continue;
            }
            try
            {
                var then = Figures(await new AnalysisRunner(db, before).WhatIfAsync(account.Id, options, cancellation));
                var now = Figures(await new AnalysisRunner(db, book).WhatIfAsync(account.Id, options, cancellation));
                impacts.Add(new AccountImpact(account.Id, account.Name, used, then, now, counters, null));
            }
            catch (InputException e)
            {
                impacts.Add(new AccountImpact(account.Id, account.Name, used, null, null, counters, e.Message));
            }
        }
        return new PriceDigest(start, end, book.Version, [.. moves], impacts.ToImmutable());
    }

    private static DigestFigures Figures(AnalysisResult r) => new(
        r.Gap.ClassName, r.Gap.ProjectedPeriodEndPosition?.Value, r.CostOfDoingNothing.Mean.Value, r.Simulation.TotalBill.Mean.Value, r.PriceBookVersion);

    /// <summary>
    /// The counters a week's moves offer an account that uses <paramref name="used"/>: a cut on a cache-read rate of a
    /// model in use is a caching lever, any other cut a shortfall risk under a dollar commitment, an increase a price
    /// protection ask, and a new model priced below a model in use (on input) a routing lever.
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
                    var newEntry = book.PricedModels.First(p => p.Info.Id == m.Model).Prices[^1];
                    var dearer = used.Select(u => (Model: u, Entry: book.TryResolve(u, out var id) ? PriceHistory.EntryOn(book.PricedModels.First(p => p.Info.Id == id), dayBefore) : null))
                        .Where(x => x.Entry is not null && x.Entry.Standard.Input > newEntry.Standard.Input)
                        .OrderByDescending(x => x.Entry!.Standard.Input).FirstOrDefault();
                    if (dearer.Entry is { } d)
                        counters.Add(new DigestCounter(DigestCounterKind.Routing, m,
                            $"{model} launched at {Usd(newEntry.Standard.Input)} input / {Usd(newEntry.Standard.Output)} output per MTok, below {dearer.Model} at {Usd(d.Standard.Input)} / {Usd(d.Standard.Output)}: a routing lever for work that fits it."));
                    break;
            }
        }
        return counters.ToImmutable();
    }

    private static string Usd(decimal v) => "$" + v.ToString("0.00####", CultureInfo.InvariantCulture);

    private static string Percent(PriceMove m) => m.ChangePercent is { } p ? p.ToString("+0.#;-0.#", CultureInfo.InvariantCulture) + " %" : "new";
}
