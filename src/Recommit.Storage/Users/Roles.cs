namespace Recommit.Storage.Users;

/// <summary>The two roles: an admin manages users, accounts and memberships and sees everything; an analyst sees only the accounts they are a member of.</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst];
}
