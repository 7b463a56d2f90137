using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Recommit.Analysis;
using Recommit.Reports.Charts;
using Recommit.Reports.Html;

namespace Recommit.Web.Pages.Quote;

/// <summary>
/// The quote analyses of anonymous visitors, held in memory for <see cref="Lifetime"/> (a visitor's upload is never
/// stored; only the contact form they choose to send is). They run one at a time off the request threads, so a
/// burst of uploads queues rather than starving the server; the rate limit bounds the queue.
/// </summary>
internal sealed partial class QuoteJobs(ILogger<QuoteJobs> log) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    /// <summary>
    /// The report sections a quote shows, in the report's order: the recommendation, the verdict, the gap, the burn-down and
    /// the cost of doing nothing; then the best package for both sides (<see cref="DealSummary"/>), the zone of agreement
    /// and the fee quote (fixed fee and gainshare).
    /// </summary>
    public static readonly string[] Sections = ["recommendation", "verdict", "gap", "cost-of-doing-nothing", "ledger"];
    public static readonly string[] DealSections = ["zone", "quote"];
    private readonly ConcurrentDictionary<Guid, QuoteJob> _jobs = new();
    private readonly SemaphoreSlim _one = new(1, 1);

    public QuoteJob? Find(Guid id) => _jobs.TryGetValue(id, out var job) && DateTime.UtcNow - job.CreatedUtc < Lifetime ? job : null;

    /// <summary>Starts the analysis of <paramref name="input"/> in the background and returns its job at once.</summary>
    public QuoteJob Start(AnalysisInput input)
    {
        foreach (var old in _jobs.Values.Where(j => DateTime.UtcNow - j.CreatedUtc >= Lifetime)) _jobs.TryRemove(old.Id, out _);
        var job = new QuoteJob(Guid.NewGuid(), input.Account, DateTime.UtcNow);
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            await _one.WaitAsync();
            try
            {
                job.Progress = $"simulating {input.Paths:N0} paths";
                var result = Analyzer.Run(input);
                job.Progress = "drawing the charts";
                job.Result = result;
                var charts = ChartSet.Render(result);
                job.Html = Pages.PageLayout.Report(HtmlReport.RenderSections(result, charts, Sections) + DealSummary.Html(result) +
                    HtmlReport.RenderSections(result, charts, DealSections));
                job.Progress = "done";
            }
            catch (Exception e) when (e is InputException or ArgumentException)
            {
                job.Failure = e.Message;
            }
            catch (Exception e)
            {
                LogFailed(log, e, job.Id);
                job.Failure = "unexpected failure; the server log has the details";
            }
            finally
            {
                _one.Release();
            }
        });
        return job;
    }

    public void Dispose() => _one.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Quote analysis {QuoteId} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid quoteId);
}
