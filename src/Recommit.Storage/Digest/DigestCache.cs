using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Recommit.Pricing;
using Recommit.Storage.Analyses;

namespace Recommit.Storage.Digest;

/// <summary>
/// Built digests kept by what they were built from (docs/pricing.md, "Weekly digest"): the week, the price book's
/// version, the digest's options and, per account shown, its name, latest finished analysis, latest contract version and
/// latest import. A repeated request costs one small query; a new analysis, contract or import on an account shown, an
/// account added or renamed, or another book makes a new key, so the digest is built again. Builds run one at a time
/// (each is several Monte Carlo analyses per account); the oldest of more than <paramref name="capacity"/> keys is dropped.
/// </summary>
public sealed class DigestCache(int capacity = 32) : IDisposable
{
    private readonly ConcurrentDictionary<string, PriceDigest> _built = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The digest for the week holding <paramref name="day"/>, built by <see cref="PriceDigest.BuildAsync"/> unless already built from the same state.</summary>
    public async Task<PriceDigest> GetAsync(StoreContext db, PriceBook book, DateOnly day, AnalysisOptions options,
        IReadOnlyCollection<int>? accountIds = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        var key = await KeyAsync(db, book, day, options, accountIds, cancellation);
        if (_built.TryGetValue(key, out var hit)) return hit;
        await _gate.WaitAsync(cancellation);
        try
        {
            if (_built.TryGetValue(key, out hit)) return hit;
            var digest = await PriceDigest.BuildAsync(db, book, day, options, accountIds, cancellation: cancellation);
            _built[key] = digest;
            _order.Enqueue(key);
            while (_order.Count > capacity) _built.TryRemove(_order.Dequeue(), out _);
            return digest;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The state a digest is built from, as one string (the cache's key).</summary>
    public static async Task<string> KeyAsync(StoreContext db, PriceBook book, DateOnly day, AnalysisOptions options,
        IReadOnlyCollection<int>? accountIds = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        var q = db.Accounts.AsNoTracking();
        if (accountIds is not null) q = q.Where(a => accountIds.Contains(a.Id));
        var accounts = await q.OrderBy(a => a.Id).Select(a => new
        {
            a.Id,
            a.Name,
            Analysis = db.Analyses.Where(x => x.AccountId == a.Id && x.Status == AnalysisStatus.Done).OrderByDescending(x => x.CreatedUtc).Select(x => (Guid?)x.Id).FirstOrDefault(),
            Contract = db.ContractVersions.Where(c => c.AccountId == a.Id).Max(c => (int?)c.Version),
            Import = db.Imports.Where(i => i.AccountId == a.Id).Max(i => (int?)i.Id),
        }).ToListAsync(cancellation);
        var key = new StringBuilder();
        key.Append(CultureInfo.InvariantCulture, $"{PriceDigest.WeekOf(day):yyyy-MM-dd}|{book.Version}|{options.Paths}|{options.Seed}|{options.Threshold}|{options.Levers}");
        foreach (var a in accounts)
            key.Append(CultureInfo.InvariantCulture, $"|{a.Id}:{a.Analysis}:{a.Contract}:{a.Import}:{a.Name.Length}:{a.Name}");
        return key.ToString();
    }
}
