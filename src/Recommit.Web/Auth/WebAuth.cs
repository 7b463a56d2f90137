using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Recommit.Storage.Users;

namespace Recommit.Web.Auth;

/// <summary>
/// Sign-in for the app: Identity's cookie for the browser (HTTP-only, SameSite=Strict, answering 401/403 rather than
/// redirecting) and personal access tokens as bearer for scripts, chosen per request by the Authorization header.
/// Every endpoint needs a signed-in user unless it says otherwise; admin-only ones use <see cref="AdminPolicy"/>.
/// </summary>
internal static class WebAuth
{
    public const string AdminPolicy = "admin";
    private const string Selector = "cookie-or-token";

    public static IServiceCollection AddWebAuth(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddStoreIdentity().AddSignInManager();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Cookie or access token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "recommit";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(AccountMemberRequirement.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new AccountMemberRequirement()));
        services.AddHttpContextAccessor();
        services.AddScoped<IAuthorizationHandler, AccountMemberHandler>();
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
