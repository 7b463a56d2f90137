using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage;
using Recommit.Storage.Users;
using Recommit.Web.Internals;

namespace Recommit.Web.Auth;

/// <summary>
/// Guards every route under <c>/api/accounts/{accountId}</c>: an admin may open any existing account, an analyst only
/// the accounts they are a member of (403 otherwise, whether or not the account exists, so nothing leaks).
/// </summary>
internal sealed class AccountAccessFilter(StoreContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!int.TryParse(http.GetRouteValue("accountId") as string, out var id)) return Problems.NotFound("accountId", "no such account");
        if (!await CanOpenAsync(db, http.User, id, http.RequestAborted)) return Problems.Forbidden($"account {id}: you are not a member of this account");
        if (!await db.Accounts.AnyAsync(a => a.Id == id, http.RequestAborted)) return Problems.NotFound("accountId", $"account {id}: no such account");
        return await next(context);
    }

    /// <summary>True for an admin, or for a member of the account.</summary>
    public static async Task<bool> CanOpenAsync(StoreContext db, ClaimsPrincipal user, int accountId, CancellationToken cancellation)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await db.AccountMembers.AnyAsync(m => m.AccountId == accountId && m.UserId == userId, cancellation);
    }
}
