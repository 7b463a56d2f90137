using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Recommit.Storage.Users;

/// <summary>
/// Personal access tokens: <c>rct_</c> and 43 characters of randomness (256 bits), shown once when created; the store
/// keeps only their SHA-256, so a stolen database yields no usable token.
/// </summary>
internal sealed class AccessTokens(StoreContext db)
{
    public const string Scheme = "rct_";

    /// <summary>Creates a token for the user and returns the record and the secret (shown once, never stored).</summary>
    public async Task<(AccessToken Token, string Secret)> CreateAsync(string userId, string name, DateTime? expiresUtc, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) throw new InputException("name: give the token a name of 1 to 200 characters");
        var secret = Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new AccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedUtc = DateTime.UtcNow,
            ExpiresUtc = expiresUtc,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellation);
        return (token, secret);
    }

    /// <summary>The live (not revoked, not expired) token with this secret, or null.</summary>
    public async Task<AccessToken?> FindAsync(string secret, CancellationToken cancellation = default)
    {
        if (!secret.StartsWith(Scheme, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var now = DateTime.UtcNow;
        var token = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellation);
        return token is null || token.RevokedUtc is not null || token.ExpiresUtc < now ? null : token;
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, int id, CancellationToken cancellation = default) =>
        await db.AccessTokens.Where(t => t.Id == id && t.UserId == userId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, DateTime.UtcNow), cancellation) > 0;

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
