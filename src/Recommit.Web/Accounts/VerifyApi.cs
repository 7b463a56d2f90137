using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Verify;
using Recommit.Web.Internals;

namespace Recommit.Web.Accounts;

/// <summary>
/// <c>/api/accounts/{id}/verify</c>: verified savings between two stored contract versions over the stored usage
/// (docs/method.md §9), each run stored; list the runs and read one's statement.
/// </summary>
internal static class VerifyApi
{
    public static RouteGroupBuilder MapVerifyApi(this RouteGroupBuilder api)
    {
        var account = AccountsApi.AccountGroup(api).WithTags("Verified savings");
        account.MapPost("/verify", RunAsync).WithName("RunVerify");
        account.MapGet("/verify", ListAsync).WithName("ListVerifyRuns");
        account.MapGet("/verify/{runId:int}", GetAsync).WithName("GetVerifyRun");
        return api;
    }

    private static async Task<Created<VerifyRunView>> RunAsync(int accountId, VerifyOptions body, StoreContext db, CancellationToken ct)
    {
        var run = await new VerifyRunner(db, PriceBook.Default).RunAsync(accountId, body, ct);
        return TypedResults.Created($"/api/accounts/{accountId}/verify/{run.Id}", new VerifyRunView(run.Id, run.Name, run.CreatedUtc));
    }

    private static async Task<Ok<List<VerifyRunView>>> ListAsync(int accountId, StoreContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.VerifyRuns.AsNoTracking().Where(v => v.AccountId == accountId).OrderByDescending(v => v.Id)
            .Select(v => new VerifyRunView(v.Id, v.Name, v.CreatedUtc)).ToListAsync(ct));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(int accountId, int runId, StoreContext db, CancellationToken ct) =>
        await db.VerifyRuns.AsNoTracking().FirstOrDefaultAsync(v => v.AccountId == accountId && v.Id == runId, ct) is { } run
            ? TypedResults.Text(run.Json, "application/json")
            : Problems.NotFound("runId", $"account {accountId} has no verify run {runId}");
}
