using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage.Users;
using Recommit.Web.Auth;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// <c>/accounts/users</c> (admins only): the users with their roles and lockout, and a form that adds one with a role and
/// the password the admin sets once and hands over (the same checks as <c>POST /api/users</c> and
/// <c>recommit users add</c>: Identity's password rules, a unique email). The password is never shown back.
/// </summary>
internal static class UserPages
{
    public const string Path = "/accounts/users";

    public static IEndpointRouteBuilder MapUserPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, UserManager<StoreUser> users, CancellationToken ct) => PageAsync(http, users, Values("", Roles.Analyst), [], null, ct))
            .RequireAuthorization(WebAuth.AdminPolicy).ExcludeFromDescription();
        app.MapPost(Path, AddAsync).RequireAuthorization(WebAuth.AdminPolicy).ExcludeFromDescription();
        return app;
    }

    private static Dictionary<string, string> Values(string email, string role) => new(StringComparer.Ordinal) { ["email"] = email, ["role"] = role };

    private static async Task<IResult> AddAsync(HttpContext http, IFormCollection form, UserManager<StoreUser> users, CancellationToken ct)
    {
        var email = form["email"].ToString().Trim();
        var role = form["role"].ToString().Trim().ToLowerInvariant();
        var values = Values(email, role);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (email.Length == 0) errors["email"] = "email: required";
        if (!Roles.All.Contains(role)) errors["role"] = $"role: choose {string.Join(" or ", Roles.All)}";
        if (errors.Count == 0)
        {
            try
            {
                var user = await StoreIdentity.CreateUserAsync(http.RequestServices, email, form["password"].ToString(), role);
                var done = $"Added {user.Email} as {(role == Roles.Admin ? "an admin" : "an analyst")}. Give them the password you set by a separate channel; it is not shown again.";
                return await PageAsync(http, users, Values("", Roles.Analyst), errors, done, ct);
            }
            catch (InputException e)
            {
                // Identity's password rules say "Passwords must …"; its other refusals are about the email (taken, not valid).
                var field = e.Message.Contains("Passwords ", StringComparison.Ordinal) ? "password" : "email";
                var colon = e.Message.IndexOf(": ", StringComparison.Ordinal);
                errors[field] = field + ": " + (colon < 0 ? e.Message : e.Message[(colon + 2)..]);
            }
        }
        return await PageAsync(http, users, values, errors, null, ct);
    }

    private static async Task<IResult> PageAsync(HttpContext http, UserManager<StoreUser> users, Dictionary<string, string> values,
        Dictionary<string, string> errors, string? done, CancellationToken ct)
    {
        var sb = new StringBuilder("<h1>Users</h1>\n");
        if (done is not null) sb.Append("<p class=\"notice ok\" role=\"status\">").Append(E(done)).Append("</p>\n");
        sb.Append("<table class=\"list\"><caption>Everyone who can sign in</caption><thead><tr><th scope=\"col\">Email</th><th scope=\"col\">Role</th><th scope=\"col\">Status</th></tr></thead><tbody>");
        foreach (var u in await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
        {
            var roles = await users.GetRolesAsync(u);
            sb.Append("<tr><td>").Append(E(u.Email)).Append("</td><td>").Append(E(string.Join(", ", roles.Order(StringComparer.Ordinal))))
              .Append("</td><td>").Append(await users.IsLockedOutAsync(u)
                  ? "locked until " + u.LockoutEnd!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + " (repeated failed sign-ins)"
                  : "active").Append("</td></tr>");
        }
        sb.Append("</tbody></table>\n");
        sb.Append("<h2>Add a user</h2>\n<form method=\"post\" action=\"").Append(Path).Append("\" class=\"narrow\" novalidate>").Append(Antiforgery(http))
          .Append(Field("email", "Email", values["email"], errors, "email", extra: "autocomplete=\"off\""))
          .Append("<div class=\"field").Append(errors.ContainsKey("role") ? " invalid" : "").Append("\"><label for=\"f-role\">Role</label><select id=\"f-role\" name=\"role\"")
          .Append(errors.ContainsKey("role") ? " aria-invalid=\"true\" aria-describedby=\"f-role-error\"" : "").Append('>');
        foreach (var (role, label) in new[] { (Roles.Analyst, "analyst: sees the accounts shared with them"), (Roles.Admin, "admin: manages users and sees every account") })
            sb.Append("<option value=\"").Append(role).Append('"').Append(values["role"] == role ? " selected" : "").Append('>').Append(E(label)).Append("</option>");
        sb.Append("</select>");
        if (errors.TryGetValue("role", out var roleError)) sb.Append("<p class=\"error\" id=\"f-role-error\" role=\"alert\">").Append(E(roleError)).Append("</p>");
        sb.Append("</div>")
          .Append(Field("password", "Password, set once by you", "", errors, "password",
              hint: "at least 12 characters; give it to the user by a separate channel", extra: "autocomplete=\"new-password\""))
          .Append("<p><button type=\"submit\" class=\"primary\">Add the user</button></p></form>");
        return Page(http, "Users", sb.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
