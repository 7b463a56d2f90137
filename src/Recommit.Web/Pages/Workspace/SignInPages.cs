using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Recommit.Storage.Users;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// <c>/signin</c>: the analysts' cookie sign-in page (lockout after repeated failures, as the API's), returning to
/// the page that sent the visitor here when that is a page of this site; <c>POST /signout</c>.
/// </summary>
internal static class SignInPages
{
    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http, string? returnUrl) => Form(http, "", LocalOrAccounts(returnUrl), null)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", async (SignInManager<StoreUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/signin");
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IFormCollection form, SignInManager<StoreUser> signIn)
    {
        var email = form["email"].ToString().Trim();
        var returnUrl = LocalOrAccounts(form["returnUrl"].ToString());
        var result = await signIn.PasswordSignInAsync(email, form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Results.Redirect(returnUrl);
        var message = result.IsLockedOut ? "email: this account is locked after repeated failed sign-ins; try again later" : "email or password: not recognised";
        return Form(http, email, returnUrl, message);
    }

    /// <summary>Only a path of this site is followed after sign-in (never //host or a full URL), else the accounts list.</summary>
    private static string LocalOrAccounts(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/accounts";

    private static IResult Form(HttpContext http, string email, string returnUrl, string? error)
    {
        var errors = error is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["email"] = error };
        var sb = new StringBuilder("<h1>Analysts: sign in</h1>\n<form method=\"post\" action=\"/signin\" class=\"narrow\" novalidate>");
        sb.Append(Antiforgery(http)).Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(returnUrl)).Append("\">")
          .Append(Field("email", "Email", email, errors, "email", extra: "autocomplete=\"username\" required"))
          .Append(Field("password", "Password", "", new Dictionary<string, string>(), "password", extra: "autocomplete=\"current-password\" required"))
          .Append("<p><button type=\"submit\" class=\"primary\">Sign in</button></p></form>");
        return Page(http, "Sign in", sb.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
