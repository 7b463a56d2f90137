namespace Recommit.Storage.Users;

/// <summary>
/// A personal access token for scripts: only the SHA-256 of the secret is stored, with a short visible prefix so a user
/// can tell tokens apart. Revoked tokens stay listed and no longer authenticate.
/// </summary>
public sealed class AccessToken
{
    public int Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required byte[] Hash { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? ExpiresUtc { get; init; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
}
