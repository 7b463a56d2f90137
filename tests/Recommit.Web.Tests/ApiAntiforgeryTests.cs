using System.Net;
using System.Text.Json.Nodes;

namespace Recommit.Web.Tests;

/// <summary>
/// Cross-site request forgery on the JSON API: a change made with the sign-in cookie is refused without the
/// antiforgery token and accepted with it; a bearer token needs none.
/// </summary>
public sealed class ApiAntiforgeryTests(WebApp web) : IClassFixture<WebApp>
{
    private async Task<string> SignInAsync(HttpClient client)
    {
        using var signIn = await client.PostAsync("/api/auth/sign-in", EndpointSecurityTests.Json($$"""{"email":"admin@example.com","password":"{{WebApp.Password}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("recommit=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static HttpRequestMessage Post(string path, string cookies, string json, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = EndpointSecurityTests.Json(json) };
        request.Headers.Add("Cookie", cookies);
        if (token is not null) request.Headers.Add("X-Antiforgery-Token", token);
        return request;
    }

    [Fact]
    public async Task A_cookie_change_without_the_token_is_refused_naming_the_header_and_nothing_is_stored()
    {
        var client = web.Anonymous();
        var cookie = await SignInAsync(client);
        using var forged = await client.SendAsync(Post("/api/accounts", cookie, """{"name":"forged"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("X-Antiforgery-Token", (string)JsonNode.Parse(await forged.Content.ReadAsStringAsync())!["field"]!);
        using var wrong = await client.SendAsync(Post("/api/accounts", cookie, """{"name":"forged"}""", token: "not-a-token"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.DoesNotContain("forged", await web.As(web.AdminToken).GetStringAsync("/api/accounts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_change_with_the_token_from_the_antiforgery_endpoint_is_accepted()
    {
        var client = web.Anonymous();
        var cookie = await SignInAsync(client);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/auth/antiforgery");
        get.Headers.Add("Cookie", cookie);
        using var issued = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        Assert.Equal("X-Antiforgery-Token", (string)body["headerName"]!);
        var antiforgeryCookie = issued.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("recommit-antiforgery=", StringComparison.Ordinal)).Split(';')[0];

        using var created = await client.SendAsync(Post("/api/tokens", $"{cookie}; {antiforgeryCookie}", """{"name":"from the browser"}""", (string)body["token"]!));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_change_needs_no_antiforgery_token()
    {
        using var created = await web.As(web.AdminToken).PostAsync("/api/tokens", EndpointSecurityTests.Json("""{"name":"script"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
