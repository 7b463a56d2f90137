namespace Recommit.Web.Auth;

/// <summary>Email and password for a cookie sign-in.</summary>
internal sealed record SignIn(string Email, string Password);

/// <summary>The signed-in user: id, email and roles.</summary>
internal sealed record Me(string Id, string Email, IReadOnlyList<string> Roles);

/// <summary>A new personal access token: a name to tell it apart and, optionally, days until it expires.</summary>
internal sealed record NewToken(string Name, int? ExpiresInDays);

/// <summary>A personal access token as listed (the secret is shown only once, in <see cref="CreatedToken"/>).</summary>
internal sealed record TokenView(int Id, string Name, string Prefix, DateTime CreatedUtc, DateTime? ExpiresUtc, DateTime? RevokedUtc);

/// <summary>A token just created, with its secret: send it as <c>Authorization: Bearer TOKEN</c>.</summary>
internal sealed record CreatedToken(int Id, string Name, string Token, DateTime? ExpiresUtc);

/// <summary>A new user (admin only): email, password (12+ characters) and role (admin or analyst).</summary>
internal sealed record NewUser(string Email, string Password, string Role);

/// <summary>A user as listed for admins.</summary>
internal sealed record UserView(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut);
