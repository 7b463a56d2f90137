using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommit.Storage;
using Recommit.Storage.Users;

namespace Recommit.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer rct_…</c> with a personal access token: the token's hash must be stored,
/// not revoked nor expired, and its user must exist and not be locked out. The token itself is never logged.
/// </summary>
internal sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    StoreContext db, UserManager<StoreUser> users, IUserClaimsPrincipalFactory<StoreUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = await new AccessTokens(db).FindAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("the access token is unknown, revoked or expired");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("the access token's user is missing or locked out");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
