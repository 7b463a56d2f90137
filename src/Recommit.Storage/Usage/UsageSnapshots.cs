using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Recommit.Usage;

namespace Recommit.Storage.Usage;

/// <summary>
/// Each account's stored usage as last read, kept in memory and tagged with the account's latest import: every change
/// to an account's usage is an import, recorded in the same transaction as its cells, so a request asks the store only
/// for that import's id (one indexed query) and reads the cells again only when it has changed, even when another process
/// (<c>recommit import --account</c>) made the import. Thread-safe; one snapshot an account.
/// </summary>
public sealed class UsageSnapshots
{
    private readonly ConcurrentDictionary<int, (int Import, UsageCube Cube, SpendTable Spend)> _byAccount = new();

    /// <summary>The account's usage cube and spend table as stored now.</summary>
    public async Task<(UsageCube Cube, SpendTable Spend)> ReadAsync(StoreContext db, int accountId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.Imports.AsNoTracking().Where(i => i.AccountId == accountId).MaxAsync(i => (int?)i.Id, cancellation) ?? 0;
        if (_byAccount.TryGetValue(accountId, out var known) && known.Import == latest) return (known.Cube, known.Spend);
        var (cube, spend) = await new UsageStore(db).ReadAsync(accountId, cancellation);
        _byAccount[accountId] = (latest, cube, spend);
        return (cube, spend);
    }
}
