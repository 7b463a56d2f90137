using Microsoft.AspNetCore.Authorization;

namespace Recommit.Web.Auth;

/// <summary>The caller may open the account in the route's <c>accountId</c>: an admin, or a member of the account.</summary>
internal sealed class AccountMemberRequirement : IAuthorizationRequirement
{
    public const string Policy = "account-member";
}
