using Recommit.Analysis;

namespace Recommit.Web.Pages.Quote;

/// <summary>
/// One visitor's quote analysis while it runs and after: the step it is on, then the result or the failure message.
/// Written by the background task, read by the status page; the fields are set once each, result last.
/// </summary>
internal sealed class QuoteJob(Guid id, string account, DateTime createdUtc)
{
    public Guid Id { get; } = id;
    public string Account { get; } = account;
    public DateTime CreatedUtc { get; } = createdUtc;
    public volatile string Progress = "queued";
    public volatile AnalysisResult? Result;
    /// <summary>The report sections shown on the result page, rendered once with their charts.</summary>
    public volatile string? Html;
    public volatile string? Failure;

    public bool Finished => Html is not null || Failure is not null;
}
