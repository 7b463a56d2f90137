using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommit.Storage;
using Recommit.Storage.Accounts;
using Recommit.Storage.Users;

namespace Recommit.Web.Tests;

/// <summary>
/// The real app on an in-memory server with a new SQLite store: an admin, analyst A (member of account A) and analyst
/// B (member of account B), each with a personal access token; every log line captured.
/// </summary>
public class WebApp : IAsyncLifetime
{
    public const string Password = "correct-horse-battery-staple";
    public const long UploadLimit = 4_000_000;

    public WebApplication App { get; private set; } = null!;
    public LogSink Logs { get; } = new();
    public int AccountA { get; private set; }
    public int AccountB { get; private set; }
    public string AdminToken { get; private set; } = "";
    public string AnalystAToken { get; private set; } = "";
    public string AnalystBToken { get; private set; } = "";

    /// <summary>Settings a derived fixture changes (e.g. a tighter rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        var folder = _folder;
        App = RecommitWeb.Build([], b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration["Recommit:Store"] = Path.Combine(folder, "recommit.db");
            b.Configuration["Recommit:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (k, v) in Settings) b.Configuration[k] = v;
            b.Logging.ClearProviders();
            b.Logging.AddProvider(Logs);
            b.Logging.SetMinimumLevel(LogLevel.Trace);
            b.Logging.AddFilter((_, _) => true);
        });
        await RecommitWeb.PrepareAsync(App);
        await App.StartAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
        var a = new Account { Name = "account-a", CreatedUtc = DateTime.UtcNow };
        var b = new Account { Name = "account-b", CreatedUtc = DateTime.UtcNow };
        db.Accounts.AddRange(a, b);
        await db.SaveChangesAsync();
        AccountA = a.Id;
        AccountB = b.Id;
        AdminToken = await UserWithTokenAsync(scope.ServiceProvider, "admin@example.com", Roles.Admin, null);
        AnalystAToken = await UserWithTokenAsync(scope.ServiceProvider, "a@example.com", Roles.Analyst, AccountA);
        AnalystBToken = await UserWithTokenAsync(scope.ServiceProvider, "b@example.com", Roles.Analyst, AccountB);
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("recommit-web-").FullName;

    public HttpClient Anonymous() => App.GetTestClient();

    public HttpClient As(string token)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> UserWithTokenAsync(IServiceProvider services, string email, string role, int? account)
    {
        var user = await StoreIdentity.CreateUserAsync(services, email, Password, role);
        var db = services.GetRequiredService<StoreContext>();
        if (account is { } id)
        {
            db.AccountMembers.Add(new AccountMember { AccountId = id, UserId = user.Id });
            await db.SaveChangesAsync();
        }
        return (await new AccessTokens(db).CreateAsync(user.Id, "tests", null)).Secret;
    }
}
