using System.Net;

namespace Recommit.Web.Tests;

/// <summary>The public intake endpoint is rate limited per client.</summary>
public sealed class IntakeRateLimitTests(IntakeRateLimitTests.TightApp web) : IClassFixture<IntakeRateLimitTests.TightApp>
{
    /// <summary>The app with three intake requests a minute.</summary>
    public sealed class TightApp : WebApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Recommit:IntakePerMinute", "3")];
    }

    [Fact]
    public async Task The_fourth_request_in_a_minute_is_refused_with_429()
    {
        var client = web.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/api/intake", EndpointSecurityTests.Json($$"""{"name":"Visitor {{i}}","email":"v{{i}}@example.com"}"""));
            codes.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], codes);
    }
}
