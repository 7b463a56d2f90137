using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Recommit.Forecasting;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Scenarios;
using Recommit.Storage.Usage;
using Recommit.Web.Accounts;
using Recommit.Web.Internals;

namespace Recommit.Web.Scenarios;

/// <summary>
/// <c>/api/accounts/{id}/scenarios</c> and <c>…/quotes</c>: value renegotiation packages (given ones and always the
/// optimiser's) on the account's stored usage and contract, with the zone of agreement and the recommendation, and
/// quote the engagement's fixed fee against gainshare for the recommended package (docs/negotiation.md; docs/method.md
/// §7–§9). Each run stores a scenario and a quote; both are listed and readable afterwards. The runs answer at once,
/// so their paths are capped like a what-if's.
/// </summary>
internal static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api)
    {
        var account = AccountsApi.AccountGroup(api).WithTags("Scenarios and quotes");
        account.MapPost("/scenarios", RunScenariosAsync).WithName("RunScenarios");
        account.MapGet("/scenarios", ListScenariosAsync).WithName("ListScenarios");
        account.MapGet("/scenarios/{scenarioId:int}", GetScenarioAsync).WithName("GetScenario");
        account.MapPost("/quotes", RunQuoteAsync).WithName("RunQuote");
        account.MapGet("/quotes", ListQuotesAsync).WithName("ListQuotes");
        account.MapGet("/quotes/{quoteId:int}", GetQuoteAsync).WithName("GetQuote");
        return api;
    }

    private static async Task<Results<Created<ScenarioCreated>, ProblemHttpResult>> RunScenariosAsync(
        int accountId, ScenarioRequest? body, StoreContext db, FitCache fits, UsageSnapshots usage, IOptions<WebOptions> options, CancellationToken ct)
    {
        if (await RunAsync(accountId, body, db, fits, usage, options.Value, ct) is not { } run) return TooManyPaths(options.Value);
        return TypedResults.Created($"/api/accounts/{accountId}/scenarios/{run.Scenario.Id}", Created(run, run.Scenario.Json));
    }

    private static async Task<Results<Created<ScenarioCreated>, ProblemHttpResult>> RunQuoteAsync(
        int accountId, ScenarioRequest? body, StoreContext db, FitCache fits, UsageSnapshots usage, IOptions<WebOptions> options, CancellationToken ct)
    {
        if (await RunAsync(accountId, body, db, fits, usage, options.Value, ct) is not { } run) return TooManyPaths(options.Value);
        return TypedResults.Created($"/api/accounts/{accountId}/quotes/{run.Quote.Id}", Created(run, run.Quote.Json));
    }

    private static async Task<Ok<List<StoredRunView>>> ListScenariosAsync(int accountId, StoreContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Scenarios.AsNoTracking().Where(s => s.AccountId == accountId).OrderByDescending(s => s.Id)
            .Select(s => new StoredRunView(s.Id, s.Name, s.CreatedUtc)).ToListAsync(ct));

    private static async Task<Ok<List<StoredRunView>>> ListQuotesAsync(int accountId, StoreContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Quotes.AsNoTracking().Where(q => q.AccountId == accountId).OrderByDescending(q => q.Id)
            .Select(q => new StoredRunView(q.Id, q.Name, q.CreatedUtc)).ToListAsync(ct));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetScenarioAsync(int accountId, int scenarioId, StoreContext db, CancellationToken ct) =>
        await db.Scenarios.AsNoTracking().Where(s => s.AccountId == accountId && s.Id == scenarioId).Select(s => s.Json).FirstOrDefaultAsync(ct) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound("scenarioId", $"account {accountId} has no scenario {scenarioId}");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetQuoteAsync(int accountId, int quoteId, StoreContext db, CancellationToken ct) =>
        await db.Quotes.AsNoTracking().Where(q => q.AccountId == accountId && q.Id == quoteId).Select(q => q.Json).FirstOrDefaultAsync(ct) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound("quoteId", $"account {accountId} has no quote {quoteId}");

    /// <summary>Runs and stores the scenarios; null when the request asks for more paths than a request may run.</summary>
    private static async Task<ScenarioRun?> RunAsync(int accountId, ScenarioRequest? body, StoreContext db, FitCache fits, UsageSnapshots usage, WebOptions options, CancellationToken ct)
    {
        var request = (body ?? new ScenarioRequest()).ToOptions();
        if (request.Analysis.Paths > options.MaxWhatIfPaths) return null;
        return await new ScenarioRunner(db, PriceBook.Default, fits, usage).RunAsync(accountId, request, ct);
    }

    private static ProblemHttpResult TooManyPaths(WebOptions options) =>
        Problems.BadRequest($"paths: a scenarios or quote run answers at once, so it runs at most {options.MaxWhatIfPaths:N0} paths", "paths");

    private static ScenarioCreated Created(ScenarioRun run, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ScenarioCreated(run.Scenario.Id, run.Quote.Id, run.Scenario.Name, run.Scenario.CreatedUtc, run.Negotiation.Recommendation.Sentence, document.RootElement.Clone());
    }
}
