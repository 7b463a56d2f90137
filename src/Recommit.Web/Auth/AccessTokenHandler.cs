using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommit.Storage;
using Recommit.Storage.Users;

namespace Recommit.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer rct_…</c> with a personal access token: the token's hash must be stored,
/// not revoked nor expired, and its user must exist and not be locked out. A verified token's identity is kept in
/// memory for <see cref="CacheFor"/> so a script's requests do not repeat the lookups; revoking a token through the
/// API forgets it at once (<see cref="Forget"/>), while a lockout or role change reaches cached tokens within that
/// time. The token itself is never logged.
/// </summary>
internal sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    StoreContext db, UserManager<StoreUser> users, IUserClaimsPrincipalFactory<StoreUser> principals, IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header[Prefix.Length..].Trim();
        var key = CacheKey(secret);
        if (cache.TryGetValue(key, out ClaimsPrincipal? known) && known is not null)
            return AuthenticateResult.Success(new AuthenticationTicket(known, SchemeName));

        var token = await new AccessTokens(db).FindAsync(secret, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("the access token is unknown, revoked or expired");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("the access token's user is missing or locked out");
        var principal = await principals.CreateAsync(user);
        var expires = token.ExpiresUtc is { } at && at - DateTime.UtcNow < CacheFor ? at - DateTime.UtcNow : CacheFor;
        if (expires > TimeSpan.Zero)
        {
            cache.Set(key, principal, expires);
            cache.Set(IdKey(token.Id), key, expires);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Forgets a revoked token's cached identity.</summary>
    public static void Forget(IMemoryCache cache, int tokenId)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.TryGetValue(IdKey(tokenId), out string? key) && key is not null) cache.Remove(key);
        cache.Remove(IdKey(tokenId));
    }

    private static string CacheKey(string secret) => "pat:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string IdKey(int tokenId) => $"pat-id:{tokenId}";
}
