using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Recommit.Storage;
using Recommit.Storage.Users;
using Recommit.Web.Internals;

namespace Recommit.Web.Auth;

/// <summary>
/// <c>/api/auth</c> (cookie sign-in and sign-out; lockout after repeated failures; the antiforgery token that
/// cookie-authenticated changes carry, <see cref="ApiAntiforgery"/>), <c>/api/me</c>,
/// <c>/api/tokens</c> (the caller's personal access tokens: create, list, revoke) and <c>/api/users</c> (admin).
/// </summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous().DisableAntiforgery().WithName("SignIn");
        auth.MapPost("/sign-out", SignOutAsync).WithName("SignOut");
        auth.MapAntiforgeryToken();
        api.MapGet("/me", MeAsync).WithTags("Sign-in").WithName("Me");

        var tokens = api.MapGroup("/tokens").WithTags("Access tokens");
        tokens.MapGet("/", ListTokensAsync).WithName("ListTokens");
        tokens.MapPost("/", CreateTokenAsync).WithName("CreateToken");
        tokens.MapDelete("/{tokenId:int}", RevokeTokenAsync).WithName("RevokeToken");

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(WebAuth.AdminPolicy);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser");
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SignIn body, SignInManager<StoreUser> signIn)
    {
        var result = await signIn.PasswordSignInAsync(body.Email ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.NoContent();
        return Problems.Make(StatusCodes.Status401Unauthorized, "Sign-in failed",
            result.IsLockedOut ? "email: this account is locked after repeated failed sign-ins; try again later" : "email or password: not recognised", "email");
    }

    private static async Task<NoContent> SignOutAsync(SignInManager<StoreUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<StoreUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        return TypedResults.Ok(new Me(user.Id, user.Email ?? "", [.. await users.GetRolesAsync(user)]));
    }

    private static async Task<Ok<List<TokenView>>> ListTokensAsync(ClaimsPrincipal user, StoreContext db, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return TypedResults.Ok(await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.ExpiresUtc, t.RevokedUtc)).ToListAsync(ct));
    }

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateTokenAsync(NewToken body, ClaimsPrincipal user, StoreContext db, CancellationToken ct)
    {
        if (body.ExpiresInDays is < 1 or > 3650) return Problems.BadRequest("expiresInDays: between 1 and 3650, or leave it out for no expiry", "expiresInDays");
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var expires = body.ExpiresInDays is { } days ? DateTime.UtcNow.AddDays(days) : (DateTime?)null;
        var (token, secret) = await new AccessTokens(db).CreateAsync(userId, body.Name, expires, ct);
        return TypedResults.Created($"/api/tokens/{token.Id}", new CreatedToken(token.Id, token.Name, secret, token.ExpiresUtc));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(int tokenId, ClaimsPrincipal user, StoreContext db, IMemoryCache cache, CancellationToken ct)
    {
        if (!await new AccessTokens(db).RevokeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, tokenId, ct))
            return Problems.NotFound("tokenId", $"you have no live token {tokenId}");
        AccessTokenHandler.Forget(cache, tokenId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<UserView>>> ListUsersAsync(UserManager<StoreUser> users, CancellationToken ct)
    {
        var list = new List<UserView>();
        foreach (var u in await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            list.Add(new UserView(u.Id, u.Email ?? "", [.. await users.GetRolesAsync(u)], await users.IsLockedOutAsync(u)));
        return TypedResults.Ok(list);
    }

    private static async Task<Created<UserView>> CreateUserAsync(NewUser body, IServiceProvider services)
    {
        var user = await StoreIdentity.CreateUserAsync(services, body.Email?.Trim() ?? "", body.Password ?? "", body.Role?.Trim().ToLowerInvariant() ?? "");
        return TypedResults.Created($"/api/users/{user.Id}", new UserView(user.Id, user.Email ?? "", [body.Role!.Trim().ToLowerInvariant()], false));
    }
}
