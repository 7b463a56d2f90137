using Microsoft.AspNetCore.Identity;

namespace Recommit.Storage.Users;

/// <summary>A person who signs in: an ASP.NET Core Identity user (email as user name, password hashed by Identity).</summary>
public sealed class StoreUser : IdentityUser
{
}
