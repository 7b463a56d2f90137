using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Recommit.Forecasting;
using Recommit.Pricing;
using Recommit.Reports.Json;
using Recommit.Storage;
using Recommit.Storage.Analyses;
using Recommit.Storage.Usage;
using Recommit.Web.Accounts;
using Recommit.Web.Internals;

namespace Recommit.Web.Analyses;

/// <summary>
/// <c>/api/accounts/{id}/analyses</c>: start an analysis (202; it runs on the background worker), follow its
/// progress, read its analysis.json, the latest finished one (served from <see cref="LatestAnalyses"/>, with the analysis
/// id as its ETag), and the list; <c>…/what-if</c> re-runs the engine on the stored account with other levers or settings
/// and answers at once without storing anything, reusing the forecasts already fitted on that usage (<see cref="FitCache"/>);
/// it leaves the negotiation out unless the request says <c>"negotiate": true</c> (the scenarios endpoint values packages).
/// </summary>
internal static class AnalysesApi
{
    public static RouteGroupBuilder MapAnalysesApi(this RouteGroupBuilder api)
    {
        var account = AccountsApi.AccountGroup(api).WithTags("Analyses");
        account.MapPost("/analyses", StartAsync).WithName("StartAnalysis");
        account.MapGet("/analyses", ListAsync).WithName("ListAnalyses");
        account.MapGet("/analyses/latest", LatestAsync).WithName("GetLatestAnalysis");
        account.MapGet("/analyses/{analysisId:guid}", GetAsync).WithName("GetAnalysis");
        account.MapGet("/analyses/{analysisId:guid}/result", ResultAsync).WithName("GetAnalysisResult");
        account.MapPost("/what-if", WhatIfAsync).WithName("WhatIf");
        return api;
    }

    private static async Task<Accepted<AnalysisView>> StartAsync(int accountId, AnalysisOptions? body, StoreContext db, AnalysisQueue queue, CancellationToken ct)
    {
        var record = await new AnalysisRunner(db, PriceBook.Default).QueueAsync(accountId, body ?? new AnalysisOptions(), ct);
        await queue.EnqueueAsync(record.Id, ct);
        return TypedResults.Accepted($"/api/accounts/{accountId}/analyses/{record.Id}", View(record));
    }

    private static async Task<Ok<List<AnalysisView>>> ListAsync(int accountId, StoreContext db, CancellationToken ct)
    {
        var records = await db.Analyses.AsNoTracking().Where(a => a.AccountId == accountId).OrderByDescending(a => a.CreatedUtc)
            .Select(a => new AnalysisRecord
            {
                Id = a.Id, AccountId = a.AccountId, Status = a.Status, Progress = a.Progress, Request = "", ContractVersion = a.ContractVersion,
                CreatedUtc = a.CreatedUtc, FinishedUtc = a.FinishedUtc, AsOf = a.AsOf, PriceBookVersion = a.PriceBookVersion, GapClass = a.GapClass,
                CostOfDoingNothingMean = a.CostOfDoingNothingMean, ProbabilityAnyOverage = a.ProbabilityAnyOverage, ProbabilityAnyShortfall = a.ProbabilityAnyShortfall,
            }).ToListAsync(ct);
        return TypedResults.Ok(records.Select(View).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LatestAsync(int accountId, StoreContext db, LatestAnalyses latest, CancellationToken ct) =>
        await latest.GetAsync(db, accountId, ct) is { } found
            ? TypedResults.Bytes(found.Json, "application/json", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{found.Id:N}\""))
            : Problems.NotFound("accountId", $"account {accountId} has no finished analysis yet");

    private static async Task<Results<Ok<AnalysisView>, ProblemHttpResult>> GetAsync(int accountId, Guid analysisId, StoreContext db, CancellationToken ct) =>
        await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == accountId && a.Id == analysisId, ct) is { } record
            ? TypedResults.Ok(View(record))
            : Problems.NotFound("analysisId", $"account {accountId} has no analysis {analysisId}");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ResultAsync(int accountId, Guid analysisId, StoreContext db, CancellationToken ct)
    {
        var record = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == accountId && a.Id == analysisId, ct);
        if (record is null) return Problems.NotFound("analysisId", $"account {accountId} has no analysis {analysisId}");
        return record.ResultJson is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.Conflict("analysisId", $"analysis {analysisId} is {record.Status.ToString().ToLowerInvariant()}: {record.Progress}");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> WhatIfAsync(int accountId, AnalysisOptions? body, StoreContext db, FitCache fits, UsageSnapshots usage, IOptions<WebOptions> options, CancellationToken ct)
    {
        var asked = body ?? new AnalysisOptions { Paths = 1_000 };
        var request = asked with { Negotiate = asked.Negotiate ?? false };
        if (request.Paths > options.Value.MaxWhatIfPaths)
            return Problems.BadRequest($"paths: a what-if runs at most {options.Value.MaxWhatIfPaths:N0} paths; start an analysis for more", "paths");
        var result = await new AnalysisRunner(db, PriceBook.Default, fits, usage).WhatIfAsync(accountId, request, ct);
        return TypedResults.Text(AnalysisJson.Serialize(result), "application/json");
    }

    private static AnalysisView View(AnalysisRecord a) =>
        new(a.Id, a.Status.ToString().ToLowerInvariant(), a.Progress, a.ContractVersion, a.CreatedUtc, a.FinishedUtc, a.AsOf, a.PriceBookVersion,
            a.GapClass, a.CostOfDoingNothingMean, a.ProbabilityAnyOverage, a.ProbabilityAnyShortfall);
}
