using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Recommit.Web.Tests;

/// <summary>The API used as an analyst would: upload usage, add the contract, run an analysis, read it, ask a what-if.</summary>
public sealed class WorkspaceTests(WebApp web) : IClassFixture<WebApp>
{
    private static string Demo(string file) => Path.Combine(RepoRoot(), "data", "demo", "northwind", file);

    [Fact]
    public async Task An_analyst_uploads_usage_adds_the_contract_runs_an_analysis_and_reads_the_latest()
    {
        var client = web.As(web.AnalystAToken);
        var id = web.AccountA;

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Demo("usage.csv")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "usage.csv");
        using var upload = await client.PostAsync($"/api/accounts/{id}/usage", form);
        var imported = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(16_200, (long)imported["rowsRead"]!);
        Assert.Equal((long)imported["rowsRead"]!, (long)imported["accepted"]! + (long)imported["rejected"]!);
        Assert.Equal("usage.csv", (string)imported["files"]!);

        var contract = new JsonObject { ["label"] = "current", ["contract"] = JsonNode.Parse(await File.ReadAllTextAsync(Demo("contract.json"))) };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/accounts/{id}/contracts", EndpointSecurityTests.Json(contract.ToJsonString()))).StatusCode);

        using var start = await client.PostAsync($"/api/accounts/{id}/analyses", EndpointSecurityTests.Json("""{"paths":500}"""));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        JsonNode status;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(200);
            status = JsonNode.Parse(await client.GetStringAsync(location))!;
        }
        while ((string)status["status"]! is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("done", (string)status["status"]!);
        Assert.Equal("durable-overage", (string)status["gapClass"]!);

        var result = await client.GetStringAsync(location + "/result");
        var latest = await client.GetStringAsync($"/api/accounts/{id}/analyses/latest");
        Assert.Equal(result, latest);
        var doc = JsonNode.Parse(latest)!;
        Assert.Equal("durable-overage", (string)doc["gap"]!["class"]!);
        Assert.Equal((decimal)status["costOfDoingNothingMean"]!, (decimal)doc["costOfDoingNothing"]!["mean"]!);

        // The latest analysis carries its id as an ETag: asking again with it gets 304 and no body.
        using var first = await client.GetAsync($"/api/accounts/{id}/analyses/latest");
        Assert.Equal($"\"{Guid.Parse(location.Split('/')[^1]):N}\"", first.Headers.ETag!.Tag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{id}/analyses/latest");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A what-if reuses the forecasts the analysis fitted on this usage, and leaves the negotiation out unless asked.
        var fits = web.App.Services.GetRequiredService<Recommit.Forecasting.FitCache>();
        var hits = fits.Hits;
        using var whatIf = await client.PostAsync($"/api/accounts/{id}/what-if", EndpointSecurityTests.Json("""{"paths":200,"seed":7}"""));
        Assert.Equal(HttpStatusCode.OK, whatIf.StatusCode);
        var plain = JsonNode.Parse(await whatIf.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)plain["simulation"]!["paths"]!);
        Assert.Null(plain["recommendation"]);
        Assert.True(fits.Hits > hits, "the what-if reuses the analysis' fitted forecasts");
        using var negotiated = await client.PostAsync($"/api/accounts/{id}/what-if", EndpointSecurityTests.Json("""{"paths":200,"seed":7,"negotiate":true}"""));
        var withDeal = JsonNode.Parse(await negotiated.Content.ReadAsStringAsync())!;
        Assert.NotNull(withDeal["recommendation"]);
        Assert.Equal((decimal)plain["costOfDoingNothing"]!["mean"]!, (decimal)withDeal["costOfDoingNothing"]!["mean"]!);
    }

    [Fact]
    public async Task A_bad_row_in_an_upload_is_rejected_with_its_file_and_line_and_the_rest_is_stored()
    {
        using var body = new StringContent("date,model,token_kind,tokens\n2026-01-01,claude-sonnet-4-5,output,12\n2026-01-02,claude-sonnet-4-5,output,twelve\n");
        using var response = await web.As(web.AnalystAToken).PostAsync($"/api/accounts/{web.AccountA}/usage?file=broken.csv&format=usage", body);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (long)result["rowsRead"]!);
        Assert.Equal(1, (long)result["accepted"]!);
        Assert.Equal(1, (long)result["rejected"]!);
        Assert.Equal("broken.csv", (string)result["rejections"]![0]!["file"]!);
        Assert.Equal(3, (long)result["rejections"]![0]!["line"]!);
    }

    [Fact]
    public async Task A_file_that_is_no_usage_format_is_a_400_problem_naming_the_file()
    {
        using var body = new StringContent("just some words\nnothing like usage\n");
        using var response = await web.As(web.AnalystAToken).PostAsync($"/api/accounts/{web.AccountA}/usage?file=notes.txt", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("notes.txt", (string)JsonNode.Parse(text)!["file"]!);
        Assert.DoesNotContain("recommit-upload-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_413()
    {
        using var body = new ByteArrayContent(new byte[WebApp.UploadLimit + 1]);
        using var response = await web.As(web.AnalystAToken).PostAsync($"/api/accounts/{web.AccountA}/usage?file=huge.csv", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_request_field_out_of_range_is_a_problem_naming_the_field()
    {
        using var response = await web.As(web.AnalystAToken).PostAsync($"/api/accounts/{web.AccountA}/what-if", EndpointSecurityTests.Json("""{"paths":0}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("paths", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!);
    }

    [Fact]
    public async Task Health_checks_the_store_and_openapi_describes_the_api()
    {
        var client = web.Anonymous();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var openapi = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.NotNull(openapi["paths"]!["/api/accounts/{accountId}/analyses/latest"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Intake_stores_a_valid_request_and_names_the_bad_field()
    {
        var client = web.Anonymous();
        using var bad = await client.PostAsync("/api/intake", EndpointSecurityTests.Json("""{"name":"Ann","email":"not-an-email"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("email", (string)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["field"]!);
        using var good = await client.PostAsync("/api/intake", EndpointSecurityTests.Json("""{"name":"Ann <b>","email":"ann@example.com","message":"call me"}"""));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var inbox = await web.As(web.AdminToken).GetStringAsync("/api/intake");
        Assert.Contains("ann@example.com", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intake_body_over_16_kb_is_refused_with_413()
    {
        var message = new string('x', 20_000);
        using var response = await web.Anonymous().PostAsync("/api/intake", EndpointSecurityTests.Json($$"""{"name":"Big","email":"big@example.com","message":"{{message}}"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    internal static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Recommit.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Recommit.slnx not found");
        return dir;
    }
}
