using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Recommit.Storage;
using Recommit.Web.Internals;

namespace Recommit.Web.Accounts;

/// <summary>
/// Answers 404 for a route under <c>/api/accounts/{accountId}</c> whose account does not exist (checked after access).
/// Accounts are never deleted, so an account found is remembered and not looked up again.
/// </summary>
internal sealed class AccountExistsFilter(StoreContext db, IMemoryCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!int.TryParse(http.GetRouteValue("accountId") as string, out var id))
            return Problems.NotFound("accountId", $"account {http.GetRouteValue("accountId")}: no such account");
        var key = $"account:{id}";
        if (!cache.TryGetValue(key, out bool _))
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == id, http.RequestAborted)) return Problems.NotFound("accountId", $"account {id}: no such account");
            cache.Set(key, true, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        }
        return await next(context);
    }
}
