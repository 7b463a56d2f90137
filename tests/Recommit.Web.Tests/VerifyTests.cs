using System.Net;
using System.Text.Json.Nodes;

namespace Recommit.Web.Tests;

/// <summary>
/// Verified savings on the API: docs/method.md Example 7 (the fixtures of the CLI's verify tests) stored as an account
/// with its old and new contract versions and its spend, then verified over the first 12 months.
/// </summary>
public sealed class VerifyTests(WebApp web) : IClassFixture<WebApp>
{
    private static string Fixture(string name) => Path.Combine(WorkspaceTests.RepoRoot(), "tests", "Recommit.Cli.Tests", "fixtures", "fees", name);

    [Fact]
    public async Task Example_7_verified_over_12_months_gives_the_documented_bills_and_is_stored()
    {
        var admin = web.As(web.AdminToken);
        using var created = await admin.PostAsync("/api/accounts", EndpointSecurityTests.Json("""{"name":"example-7"}"""));
        var id = (int)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        foreach (var (label, file) in new[] { ("old", "old.json"), ("signed", "new.json") })
        {
            var body = new JsonObject { ["label"] = label, ["contract"] = JsonNode.Parse(await File.ReadAllTextAsync(Fixture(file))) };
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/accounts/{id}/contracts", EndpointSecurityTests.Json(body.ToJsonString()))).StatusCode);
        }
        using var spend = new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("spend.csv")));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/{id}/usage?file=spend.csv", spend)).StatusCode);

        using var run = await admin.PostAsync($"/api/accounts/{id}/verify", EndpointSecurityTests.Json("""{"oldVersion":1,"newVersion":2,"from":"2026-07","to":"2027-06"}"""));
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var totals = JsonNode.Parse(await admin.GetStringAsync(run.Headers.Location!))!["totals"]!;
        Assert.Equal(2_220_000.00m, (decimal)totals["oldBill"]!);
        Assert.Equal(2_430_000.00m, (decimal)totals["newBill"]!);
        Assert.Equal(-210_000.00m, (decimal)totals["savings"]!);
        Assert.Contains("v1 → v2", await admin.GetStringAsync($"/api/accounts/{id}/verify"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_contract_version_is_a_problem_naming_the_field()
    {
        using var response = await web.As(web.AnalystAToken).PostAsync($"/api/accounts/{web.AccountA}/verify", EndpointSecurityTests.Json("""{"oldVersion":41,"newVersion":42,"from":"2026-07"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("oldVersion", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!);
    }
}
