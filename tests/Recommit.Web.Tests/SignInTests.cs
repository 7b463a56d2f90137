using System.Net;

namespace Recommit.Web.Tests;

/// <summary>Cookie sign-in for the browser, and lockout after repeated failures.</summary>
public sealed class SignInTests(WebApp web) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_that_opens_the_api()
    {
        var client = web.Anonymous();
        using var signIn = await client.PostAsync("/api/auth/sign-in", EndpointSecurityTests.Json($$"""{"email":"a@example.com","password":"{{WebApp.Password}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("recommit=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_user_out_even_for_the_right_one()
    {
        var client = web.Anonymous();
        for (var i = 0; i < Storage.Users.StoreIdentity.MaxFailedAccessAttempts; i++)
        {
            using var wrong = await client.PostAsync("/api/auth/sign-in", EndpointSecurityTests.Json("""{"email":"b@example.com","password":"not-the-password"}"""));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var right = await client.PostAsync("/api/auth/sign-in", EndpointSecurityTests.Json($$"""{"email":"b@example.com","password":"{{WebApp.Password}}"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
