using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Contracts;
using Recommit.Storage;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;
using Recommit.Storage.Contracts;
using Recommit.Storage.Users;
using Recommit.Web.Auth;
using Recommit.Web.Internals;

namespace Recommit.Web.Accounts;

/// <summary>
/// <c>/api/accounts</c>: the accounts the caller may see (all for an admin, their memberships for an analyst),
/// creating accounts and adding members (admin), and each account's contract versions.
/// </summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAsync).WithName("ListAccounts");
        accounts.MapPost("/", CreateAsync).RequireAuthorization(WebAuth.AdminPolicy).WithName("CreateAccount");

        var account = AccountGroup(api).WithTags("Accounts");
        account.MapGet("/", GetAsync).WithName("GetAccount");
        account.MapPost("/members", AddMemberAsync).RequireAuthorization(WebAuth.AdminPolicy).WithName("AddAccountMember");
        account.MapGet("/contracts", ListContractsAsync).WithName("ListContracts");
        account.MapPost("/contracts", AddContractAsync).WithName("AddContract");
        account.MapGet("/contracts/{version:int}", GetContractAsync).WithName("GetContract");
        return api;
    }

    /// <summary>
    /// The <c>/accounts/{accountId}</c> group: every route under it requires membership of the account (decided before
    /// the request body is read) and answers 404 for an account that does not exist.
    /// </summary>
    public static RouteGroupBuilder AccountGroup(RouteGroupBuilder api) =>
        api.MapGroup("/accounts/{accountId:int}").RequireAuthorization(AccountMemberRequirement.Policy).AddEndpointFilter<AccountExistsFilter>();

    private static async Task<Ok<List<AccountSummary>>> ListAsync(ClaimsPrincipal user, StoreContext db, CancellationToken ct)
    {
        var q = db.Accounts.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            q = q.Where(a => db.AccountMembers.Any(m => m.AccountId == a.Id && m.UserId == userId));
        }
        var list = new List<AccountSummary>();
        foreach (var a in await q.OrderBy(a => a.Name).ToListAsync(ct)) list.Add(await SummaryAsync(db, a, ct));
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<AccountSummary>, ProblemHttpResult>> CreateAsync(NewAccount body, StoreContext db, CancellationToken ct)
    {
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) return Problems.BadRequest("name: give an account name of 1 to 200 characters", "name");
        if (await db.Accounts.AnyAsync(a => a.Name == name, ct)) return Problems.Conflict("name", $"name: an account '{name}' already exists");
        var account = new Account { Name = name, CreatedUtc = DateTime.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/accounts/{account.Id}", await SummaryAsync(db, account, ct));
    }

    private static async Task<Ok<AccountSummary>> GetAsync(int accountId, StoreContext db, CancellationToken ct) =>
        TypedResults.Ok(await SummaryAsync(db, await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> AddMemberAsync(int accountId, NewMember body, StoreContext db, UserManager<StoreUser> users, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(body.Email ?? "");
        if (user is null) return Problems.BadRequest($"email: no user '{body.Email}'", "email");
        if (!await db.AccountMembers.AnyAsync(m => m.AccountId == accountId && m.UserId == user.Id, ct))
        {
            db.AccountMembers.Add(new AccountMember { AccountId = accountId, UserId = user.Id });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<ContractSummary>>> ListContractsAsync(int accountId, StoreContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ContractVersions.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Version)
            .Select(c => new ContractSummary(c.Version, c.Label, c.CreatedUtc)).ToListAsync(ct));

    private static async Task<Results<Created<ContractSummary>, ProblemHttpResult>> AddContractAsync(int accountId, NewContract body, StoreContext db, CancellationToken ct)
    {
        var json = body.Contract.ValueKind == System.Text.Json.JsonValueKind.Object ? body.Contract.GetRawText() : null;
        if (json is null) return Problems.BadRequest("contract: give the contract as a JSON object (docs/contracts.md)", "contract");
        ContractJson.Parse(json, "contract");
        var label = string.IsNullOrWhiteSpace(body.Label) ? "current" : body.Label.Trim();
        if (label.Length > 200) return Problems.BadRequest("label: at most 200 characters", "label");
        var next = (await db.ContractVersions.Where(c => c.AccountId == accountId).MaxAsync(c => (int?)c.Version, ct) ?? 0) + 1;
        var version = new ContractVersion { AccountId = accountId, Version = next, Label = label, Json = json, CreatedUtc = DateTime.UtcNow };
        db.ContractVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/accounts/{accountId}/contracts/{next}", new ContractSummary(next, label, version.CreatedUtc));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetContractAsync(int accountId, int version, StoreContext db, CancellationToken ct) =>
        await db.ContractVersions.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.Version == version, ct) is { } c
            ? TypedResults.Text(c.Json, "application/json")
            : Problems.NotFound("version", $"account {accountId} has no contract version {version}");

    private static async Task<AccountSummary> SummaryAsync(StoreContext db, Account a, CancellationToken ct)
    {
        var last = await db.Analyses.AsNoTracking().Where(x => x.AccountId == a.Id && x.Status == AnalysisStatus.Done)
            .OrderByDescending(x => x.CreatedUtc).Select(x => new { x.Id, x.GapClass, x.CostOfDoingNothingMean, x.FinishedUtc }).FirstOrDefaultAsync(ct);
        return new AccountSummary(a.Id, a.Name, a.CreatedUtc, last?.Id, last?.GapClass, last?.CostOfDoingNothingMean, last?.FinishedUtc);
    }
}
