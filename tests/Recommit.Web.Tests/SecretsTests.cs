using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommit.Storage;

namespace Recommit.Web.Tests;

/// <summary>
/// docs/quality.md R6: passwords, access tokens, Admin API keys and connection-string passwords never appear in the
/// captured logs, in problem details or in stored rows.
/// </summary>
public sealed class SecretsTests(WebApp web) : IClassFixture<WebApp>
{
    private const string AdminKey = "sk-ant-admin01-NeverLogThisKey_0123456789abcdef";

    [Fact]
    public async Task Passwords_tokens_and_keys_stay_out_of_logs_problems_and_stored_rows()
    {
        var bodies = new List<string>();
        var anonymous = web.Anonymous();
        // A wrong password, a right one, a key sent as if it were a token, a made-up token, and an account named with a key.
        foreach (var password in new[] { "wrong-password-Zq81", WebApp.Password })
            bodies.Add(await (await anonymous.PostAsync("/api/auth/sign-in", EndpointSecurityTests.Json($$"""{"email":"admin@example.com","password":"{{password}}"}"""))).Content.ReadAsStringAsync());
        bodies.Add(await (await web.As(AdminKey).GetAsync("/api/accounts")).Content.ReadAsStringAsync());
        bodies.Add(await (await web.As("rct_madeUpTokenThatDoesNotExist0000").GetAsync("/api/accounts")).Content.ReadAsStringAsync());
        bodies.Add(await (await web.As(web.AdminToken).GetAsync("/api/accounts")).Content.ReadAsStringAsync());
        bodies.Add(await (await web.As(web.AdminToken).PostAsync("/api/intake", EndpointSecurityTests.Json($$"""{"name":"x","email":"{{AdminKey}}"}"""))).Content.ReadAsStringAsync());

        string[] secrets = [WebApp.Password, "wrong-password-Zq81", AdminKey, web.AdminToken, web.AnalystAToken, web.AnalystBToken, "rct_madeUpTokenThatDoesNotExist0000"];
        var logs = string.Join("\n", web.Logs.Lines);
        Assert.NotEmpty(web.Logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.All(bodies, b => Assert.DoesNotContain(secret, b, StringComparison.Ordinal));
        }

        await using var scope = web.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
        var stored = string.Join("\n", (await db.Analyses.AsNoTracking().Select(a => a.ResultJson + a.Progress + a.Request).ToListAsync())
            .Concat(await db.AccessTokens.AsNoTracking().Select(t => t.Name + t.Prefix).ToListAsync())
            .Concat(await db.Users.AsNoTracking().Select(u => u.PasswordHash + u.SecurityStamp).ToListAsync()));
        foreach (var secret in secrets) Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_password_stays_out_of_the_logs_and_the_health_answer()
    {
        const string password = "Pg-Secret-Never-Logged-77";
        var logs = new LogSink();
        // Nothing listens on port 1: the store is unreachable, so the health check fails and the failure is logged.
        await using var app = RecommitWeb.Build([], b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration["Recommit:Store"] = $"Host=127.0.0.1;Port=1;Database=recommit;Username=recommit;Password={password};Timeout=2";
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        using var health = await app.GetTestClient().GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(password, body, StringComparison.Ordinal);
        Assert.DoesNotContain(password, string.Join("\n", logs.Lines), StringComparison.Ordinal);
    }
}
