using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage;
using Recommit.Storage.Analyses;

namespace Recommit.Web.Analyses;

/// <summary>
/// Each account's latest finished analysis.json as UTF-8 bytes, so <c>GET …/analyses/latest</c> asks the store only
/// which analysis is the latest (a one-column query) and sends the bytes it already holds; the document is read and
/// encoded once per analysis. An analysis stored by another process (<c>recommit analyze --account</c>) is picked up on
/// the next request, because the id is always asked.
/// </summary>
internal sealed class LatestAnalyses
{
    private readonly ConcurrentDictionary<int, (Guid Id, byte[] Json)> _byAccount = new();

    /// <summary>The latest finished analysis' id and analysis.json bytes, or null when the account has none.</summary>
    public async Task<(Guid Id, byte[] Json)?> GetAsync(StoreContext db, int accountId, CancellationToken cancellation)
    {
        var id = await db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId && a.Status == AnalysisStatus.Done)
            .OrderByDescending(a => a.CreatedUtc).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellation);
        if (id is not { } latest) return null;
        if (_byAccount.TryGetValue(accountId, out var known) && known.Id == latest) return known;
        var json = await db.Analyses.AsNoTracking().Where(a => a.Id == latest).Select(a => a.ResultJson).SingleAsync(cancellation);
        var entry = (latest, Encoding.UTF8.GetBytes(json ?? "null"));
        _byAccount[accountId] = entry;
        return entry;
    }
}
