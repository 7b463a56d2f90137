using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recommit.Forecasting;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Analyses;
using Recommit.Storage.Usage;

namespace Recommit.Web.Analyses;

/// <summary>
/// Runs queued analyses one at a time off the request threads, so a long simulation never holds a request; progress
/// is written to the store as it goes. On start it re-queues analyses a stopped server left queued or running, so a
/// shutdown mid-analysis loses nothing but time. Its fits go to the app's <see cref="FitCache"/>, so the what-ifs that
/// follow an analysis reuse them.
/// </summary>
internal sealed partial class AnalysisWorker(AnalysisQueue queue, IServiceScopeFactory scopes, FitCache fits, UsageSnapshots usage, LatestAnalyses latest, ILogger<AnalysisWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RequeueUnfinishedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unreachable store must not stop the server: /health reports it, and new analyses queue as usual.
            LogRequeueFailed(log, e);
        }
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
            try
            {
                LogStarting(log, id);
                var result = await new AnalysisRunner(db, PriceBook.Default, fits, usage).RunAsync(id, stoppingToken);
                if (await db.Analyses.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.AccountId).FirstOrDefaultAsync(stoppingToken) is { } accountId)
                    latest.Forget(accountId);
                LogFinished(log, id, result is null ? "failed on its input" : "done");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                LogInterrupted(log, id);
                return;
            }
            catch (Exception e)
            {
                LogFailed(log, e, id);
                await db.Analyses.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, AnalysisStatus.Failed)
                    .SetProperty(a => a.Progress, "unexpected failure; the server log has the details")
                    .SetProperty(a => a.FinishedUtc, DateTime.UtcNow), CancellationToken.None);
            }
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
        var unfinished = await db.Analyses.Where(a => a.Status == AnalysisStatus.Queued || a.Status == AnalysisStatus.Running)
            .OrderBy(a => a.CreatedUtc).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in unfinished) await queue.EnqueueAsync(id, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-queue unfinished analyses; they run when re-started")]
    private static partial void LogRequeueFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} started")]
    private static partial void LogStarting(ILogger logger, Guid analysisId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} {Outcome}")]
    private static partial void LogFinished(ILogger logger, Guid analysisId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis {AnalysisId} interrupted by shutdown; it is re-queued on the next start")]
    private static partial void LogInterrupted(ILogger logger, Guid analysisId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysis {AnalysisId} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid analysisId);
}
