using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Recommit.Web.Tests;

/// <summary>
/// docs/quality.md R4, from the app's own endpoint data source: every endpoint that is not public refuses an anonymous
/// request; every endpoint of an account refuses an analyst of another account; every admin endpoint refuses an
/// analyst. The public set is pinned, so a newly public endpoint is a deliberate change.
/// </summary>
public sealed partial class EndpointSecurityTests(WebApp web) : IClassFixture<WebApp>
{
    private static readonly string[] Public =
    [
        "GET /health", "GET /openapi/{documentName}.json", "GET /scalar/…", "POST /api/auth/sign-in", "POST /api/intake/",
        // The browser pages: "Get a quote", its result and contact form, the sign-in page, the stylesheet and script.
        "GET /", "POST /quote", "GET /quote/{id:guid}", "POST /quote/{id:guid}/contact", "GET /signin", "POST /signin",
        "GET /assets/app.css", "GET /assets/app.js",
    ];

    private List<(string Method, RouteEndpoint Endpoint)> Endpoints() =>
        [.. web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e)))];

    private static bool IsPublic(RouteEndpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>The method and route; the reference page's own routes (its page and scripts) count as one.</summary>
    private static string Name(string method, RouteEndpoint e) =>
        e.RoutePattern.RawText!.StartsWith("/scalar/", StringComparison.Ordinal) ? $"{method} /scalar/…" : $"{method} {e.RoutePattern.RawText}";

    [Fact]
    public void The_public_endpoints_are_exactly_health_openapi_the_reference_page_sign_in_and_intake()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        Assert.Equal(Public.Order(StringComparer.Ordinal), endpoints.Where(x => IsPublic(x.Endpoint)).Select(x => Name(x.Method, x.Endpoint)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_non_public_endpoint_refuses_an_anonymous_request()
    {
        var client = web.Anonymous();
        var failures = new List<string>();
        foreach (var (method, endpoint) in Endpoints().Where(x => !IsPublic(x.Endpoint)))
        {
            using var response = await client.SendAsync(Request(method, endpoint, web.AccountB));
            // The workspace pages send an anonymous browser to the sign-in page instead of answering 401.
            var page = endpoint.RoutePattern.RawText!.StartsWith("/accounts", StringComparison.Ordinal);
            var refused = page
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/signin?returnUrl=", StringComparison.Ordinal) == true
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!refused) failures.Add($"{Name(method, endpoint)} → {(int)response.StatusCode}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_account_endpoint_refuses_an_analyst_of_another_account_and_every_admin_endpoint_refuses_analysts()
    {
        var client = web.As(web.AnalystAToken);
        var checkedCount = 0;
        var failures = new List<string>();
        foreach (var (method, endpoint) in Endpoints().Where(x => !IsPublic(x.Endpoint)))
        {
            var ofAccount = endpoint.RoutePattern.RawText!.Contains("{accountId", StringComparison.Ordinal);
            var adminOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "admin");
            if (!ofAccount && !adminOnly) continue;
            checkedCount++;
            using var response = await client.SendAsync(Request(method, endpoint, web.AccountB));
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{Name(method, endpoint)} → {(int)response.StatusCode}");
        }
        Assert.True(checkedCount >= 15, $"only {checkedCount} account or admin endpoints checked");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task An_analyst_lists_only_the_accounts_they_are_a_member_of()
    {
        var body = await web.As(web.AnalystAToken).GetStringAsync("/api/accounts");
        Assert.Contains("account-a", body, StringComparison.Ordinal);
        Assert.DoesNotContain("account-b", body, StringComparison.Ordinal);
        var all = await web.As(web.AdminToken).GetStringAsync("/api/accounts");
        Assert.Contains("account-b", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_signs_in()
    {
        var admin = web.As(web.AdminToken);
        using var created = await admin.PostAsync("/api/tokens", Json("""{"name":"short-lived"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var doc = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var token = doc.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await web.As(token).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tokens/{doc.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.As(token).GetAsync("/api/me")).StatusCode);
    }

    private static HttpRequestMessage Request(string method, RouteEndpoint endpoint, int accountId)
    {
        var path = RouteParameter().Replace(endpoint.RoutePattern.RawText!, m => m.Groups[1].Value switch
        {
            "accountId" => accountId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "analysisId" => Guid.NewGuid().ToString(),
            "documentName" => "v1",
            _ => "1",
        });
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        // A form endpoint (the pages) is only matched by a form body; anything else is refused with 415 by routing.
        var form = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Any(t => t.Contains("form", StringComparison.Ordinal)) == true;
        if (method is "POST" or "PUT" or "PATCH") request.Content = form ? new FormUrlEncodedContent([]) : Json("{}");
        return request;
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\{(\w+)(:[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();
}
