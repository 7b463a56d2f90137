using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Recommit.Storage;
using Recommit.Storage.Users;

namespace Recommit.Web.Auth;

/// <summary>
/// Decides <see cref="AccountMemberRequirement"/> before anything of the request is read: an admin may open any
/// account, an analyst only the accounts they are a member of (403 otherwise, whether or not the account exists). A
/// membership found is remembered for <see cref="CacheFor"/>, so a script's requests do not repeat the lookup; a refusal
/// is never remembered, so a member added is let in at once.
/// </summary>
internal sealed class AccountMemberHandler(StoreContext db, IHttpContextAccessor http, IMemoryCache cache) : AuthorizationHandler<AccountMemberRequirement>
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountMemberRequirement requirement)
    {
        var request = (context.Resource as HttpContext) ?? http.HttpContext;
        if (request is null || !int.TryParse(request.GetRouteValue("accountId") as string, out var accountId)) return;
        if (context.User.IsInRole(Roles.Admin) && context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
            return;
        }
        var key = $"member:{context.User.FindFirstValue(ClaimTypes.NameIdentifier)}:{accountId}";
        if (cache.TryGetValue(key, out bool _))
        {
            context.Succeed(requirement);
        }
        else if (await CanOpenAsync(db, context.User, accountId, request.RequestAborted))
        {
            // Set only after the store said yes, so a grant lasts at most CacheFor from that check: a hit must not
            // renew it, or a client polling faster than CacheFor would keep a removed membership for ever.
            cache.Set(key, true, CacheFor);
            context.Succeed(requirement);
        }
    }

    /// <summary>True for an admin, or for a member of the account.</summary>
    public static async Task<bool> CanOpenAsync(StoreContext db, ClaimsPrincipal user, int accountId, CancellationToken cancellation)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsInRole(Roles.Admin)) return true;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await db.AccountMembers.AnyAsync(m => m.AccountId == accountId && m.UserId == userId, cancellation);
    }
}
