using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage;
using Recommit.Web.Internals;

namespace Recommit.Web.Accounts;

/// <summary>Answers 404 for a route under <c>/api/accounts/{accountId}</c> whose account does not exist (checked after access).</summary>
internal sealed class AccountExistsFilter(StoreContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!int.TryParse(http.GetRouteValue("accountId") as string, out var id) || !await db.Accounts.AnyAsync(a => a.Id == id, http.RequestAborted))
            return Problems.NotFound("accountId", $"account {http.GetRouteValue("accountId")}: no such account");
        return await next(context);
    }
}
