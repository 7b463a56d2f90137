using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Recommit.Forecasting;

namespace Recommit.Web.Tests;

/// <summary>
/// Scenarios and quotes on the API, on the northwind demo account: a given package valued beside the optimiser's, the
/// recommendation and the fee quote stored and read back unchanged; bad packages and too many paths named as fields.
/// </summary>
public sealed class ScenariosTests(WebApp web) : IClassFixture<WebApp>
{
    private const string Package = """{"name":"Two years of 1.2M at 25 %","start":"2026-12","periods":[{"months":12,"commitment":1200000},{"months":12,"commitment":1200000}],"committedDiscount":0.25}""";

    private static string Demo(string file) => Path.Combine(WorkspaceTests.RepoRoot(), "data", "demo", "northwind", file);

    private async Task<int> NorthwindAsync(HttpClient admin, string name)
    {
        using var created = await admin.PostAsync("/api/accounts", EndpointSecurityTests.Json($$"""{"name":"{{name}}"}"""));
        var id = (int)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        using var usage = new ByteArrayContent(await File.ReadAllBytesAsync(Demo("usage.csv")));
        usage.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/{id}/usage?file=usage.csv", usage)).StatusCode);
        var contract = new JsonObject { ["contract"] = JsonNode.Parse(await File.ReadAllTextAsync(Demo("contract.json"))) };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/accounts/{id}/contracts", EndpointSecurityTests.Json(contract.ToJsonString()))).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_given_package_is_valued_beside_the_optimisers_and_the_scenario_and_quote_are_stored_as_answered()
    {
        var admin = web.As(web.AdminToken);
        var id = await NorthwindAsync(admin, "northwind-scenarios");

        using var run = await admin.PostAsync($"/api/accounts/{id}/scenarios", EndpointSecurityTests.Json($$"""{"packages":[{{Package}}],"paths":300,"seed":3}"""));
        var text = await run.Content.ReadAsStringAsync();
        Assert.True(run.StatusCode == HttpStatusCode.Created, text);
        var answer = JsonNode.Parse(text)!;
        var negotiation = answer["result"]!;
        Assert.Equal(300, (int)negotiation["window"]!["paths"]!);
        var names = negotiation["scenarios"]!.AsArray().Select(s => (string)s!["name"]!).ToList();
        Assert.Contains("Two years of 1.2M at 25 %", names);
        Assert.True(names.Count > 1, "the optimiser's packages are valued too");
        Assert.Equal((string)negotiation["recommendation"]!["sentence"]!, (string)answer["recommendation"]!);
        Assert.Equal("1 package: Two years of 1.2M at 25 %", (string)answer["name"]!);

        var stored = JsonNode.Parse(await admin.GetStringAsync(run.Headers.Location!))!;
        Assert.True(JsonNode.DeepEquals(negotiation, stored), "the stored negotiation.json is the one answered");
        var quote = JsonNode.Parse(await admin.GetStringAsync($"/api/accounts/{id}/quotes/{(int)answer["quoteId"]!}"))!;
        Assert.Equal((string?)negotiation["recommendation"]!["package"], (string?)quote["package"]);
        Assert.Equal((decimal)negotiation["recommendation"]!["fixedFee"]!, (decimal)quote["fixedFee"]!);
        Assert.Contains((string)answer["name"]!, await admin.GetStringAsync($"/api/accounts/{id}/scenarios"), StringComparison.Ordinal);
        Assert.Contains($"\"id\":{(int)answer["quoteId"]!}", await admin.GetStringAsync($"/api/accounts/{id}/quotes"), StringComparison.Ordinal);

        // A quote run answers with the quote; its paths were fitted already, so the forecasts come from the cache.
        var fits = web.App.Services.GetRequiredService<FitCache>();
        var hits = fits.Hits;
        using var quoteRun = await admin.PostAsync($"/api/accounts/{id}/quotes", EndpointSecurityTests.Json("""{"paths":200,"name":"optimiser only"}"""));
        Assert.Equal(HttpStatusCode.Created, quoteRun.StatusCode);
        Assert.Contains("/quotes/", quoteRun.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var quoted = JsonNode.Parse(await quoteRun.Content.ReadAsStringAsync())!;
        Assert.Equal("optimiser only", (string)quoted["name"]!);
        Assert.Equal(200, (int)quoted["result"]!["paths"]!);
        Assert.True(fits.Hits > hits, "the second run reuses the fitted forecasts");
    }

    [Fact]
    public async Task A_bad_package_field_and_too_many_paths_are_problems_naming_the_field()
    {
        var analyst = web.As(web.AnalystAToken);
        using var bad = await analyst.PostAsync($"/api/accounts/{web.AccountA}/scenarios",
            EndpointSecurityTests.Json("""{"packages":[{"name":"x","start":"2026-06","periods":[{"months":12,"commitment":-5}],"committedDiscount":0.2}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("packages[0].periods[0].commitment", (string)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["field"]!, StringComparison.Ordinal);

        using var many = await analyst.PostAsync($"/api/accounts/{web.AccountA}/quotes", EndpointSecurityTests.Json("""{"paths":1000000}"""));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal("paths", (string)JsonNode.Parse(await many.Content.ReadAsStringAsync())!["field"]!);

        using var missing = await analyst.GetAsync($"/api/accounts/{web.AccountA}/scenarios/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("scenarioId", (string)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["field"]!);
    }
    [Fact]
    public async Task OpenApi_describes_the_scenario_and_quote_endpoints_and_their_request()
    {
        var document = JsonNode.Parse(await web.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/accounts/{accountId}/scenarios", "/api/accounts/{accountId}/scenarios/{scenarioId}", "/api/accounts/{accountId}/quotes", "/api/accounts/{accountId}/quotes/{quoteId}", "/api/auth/antiforgery" })
            Assert.Contains(path, paths);
        var request = document["components"]!["schemas"]!["ScenarioRequest"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("packages", request);
        Assert.Contains("assumptions", request);
    }
}
