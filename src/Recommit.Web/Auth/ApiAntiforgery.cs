using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Recommit.Web.Internals;

namespace Recommit.Web.Auth;

/// <summary>
/// Cross-site request forgery on the JSON API. A call that changes something (any method but GET, HEAD, OPTIONS and
/// TRACE) made with the sign-in cookie must carry the antiforgery token in the <see cref="HeaderName"/> header; a
/// browser script gets it from <c>GET /api/auth/antiforgery</c>. The SameSite=Strict cookie alone would leave a
/// same-site page or an old browser able to forge calls. Calls with a bearer token need nothing more, since a browser
/// never adds that header by itself, and the public endpoints (sign-in, intake) are rate-limited instead. The pages'
/// forms carry the same token as a hidden field, checked by the framework.
/// </summary>
internal static class ApiAntiforgery
{
    public const string HeaderName = "X-Antiforgery-Token";

    /// <summary>Checks the token on cookie-authenticated changes under <c>/api</c>; run after authorization.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await Problems.Make(StatusCodes.Status403Forbidden, "Forbidden",
                    $"{HeaderName}: a change made with the sign-in cookie needs the antiforgery token from GET /api/auth/antiforgery in this header (or use a bearer token)",
                    field: HeaderName).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    /// <summary><c>GET /api/auth/antiforgery</c>: the header to send and a token for the signed-in user.</summary>
    public static RouteGroupBuilder MapAntiforgeryToken(this RouteGroupBuilder auth)
    {
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            TypedResults.Ok(new AntiforgeryToken(HeaderName, antiforgery.GetAndStoreTokens(http).RequestToken!))).WithName("GetAntiforgeryToken");
        return auth;
    }

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
        && !HttpMethods.IsOptions(http.Request.Method) && !HttpMethods.IsTrace(http.Request.Method)
        && http.User.Identity?.IsAuthenticated == true
        && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
