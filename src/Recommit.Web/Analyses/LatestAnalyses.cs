using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage;
using Recommit.Storage.Analyses;

namespace Recommit.Web.Analyses;

/// <summary>
/// Each account's latest finished analysis.json as UTF-8 bytes, so <c>GET …/analyses/latest</c> sends bytes it already
/// holds: the document is read and encoded once per analysis, and the store is asked which analysis is the latest (a
/// one-column query) at most once every <see cref="RecheckAfter"/> per account. An analysis this server finishes is
/// shown at once (<see cref="Forget"/>); one stored by another process (<c>recommit analyze --account</c>) within that
/// time.
/// </summary>
internal sealed class LatestAnalyses
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<int, (Guid Id, byte[] Json, long Checked)> _byAccount = new();

    /// <summary>The latest finished analysis' id and analysis.json bytes, or null when the account has none.</summary>
    public async Task<(Guid Id, byte[] Json)?> GetAsync(StoreContext db, int accountId, CancellationToken cancellation)
    {
        var now = Environment.TickCount64;
        if (_byAccount.TryGetValue(accountId, out var recent) && now - recent.Checked < RecheckAfter.TotalMilliseconds) return (recent.Id, recent.Json);
        var id = await db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId && a.Status == AnalysisStatus.Done)
            .OrderByDescending(a => a.CreatedUtc).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellation);
        if (id is not { } latest) return null;
        if (_byAccount.TryGetValue(accountId, out var known) && known.Id == latest)
        {
            _byAccount[accountId] = known with { Checked = now };
            return (known.Id, known.Json);
        }
        var json = await db.Analyses.AsNoTracking().Where(a => a.Id == latest).Select(a => a.ResultJson).SingleAsync(cancellation);
        var bytes = Encoding.UTF8.GetBytes(json ?? "null");
        _byAccount[accountId] = (latest, bytes, now);
        return (latest, bytes);
    }

    /// <summary>Makes the next request ask the store again (an analysis of the account has just finished here).</summary>
    public void Forget(int accountId) => _byAccount.TryRemove(accountId, out _);
}
