namespace Recommit.Storage.Accounts;

/// <summary>An analyst who may see and work on an account (admins see every account without membership).</summary>
public sealed class AccountMember
{
    public int AccountId { get; init; }
    public required string UserId { get; init; }
}
