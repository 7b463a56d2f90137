using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;
using Recommit.Storage.Contracts;
using Recommit.Storage.Usage;
using Recommit.Storage.Users;
using Recommit.Web;

namespace Recommit.Browser.Tests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port from 5100–5119) with a new SQLite store holding the Northwind
/// demo account (usage, contract and a finished analysis) and an account whose name is hostile markup; an admin and
/// an analyst who is a member of both; and Debian's chromium driven headless by Playwright. Without chromium the tests
/// skip locally and fail when <c>CI=true</c> (scripts/test installs it).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Password = "correct-horse-battery-staple";
    public const string AnalystEmail = "analyst@example.com";
    public const string HostileName = "<img src=x onerror=alert(1)>Tailspin & \"Co\"";

    private IPlaywright? _playwright;
    private WebApplication? _app;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public int DemoAccount { get; private set; }
    /// <summary>An account with the demo usage and two contract versions: the old one and the signed renegotiation (verified savings).</summary>
    public int SignedAccount { get; private set; }
    public string? Missing { get; private set; }
    public string Root { get; } = RepositoryRoot();
    public string Screenshots => Path.Combine(Root, "artifacts", "test-results", "screenshots");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            Missing = $"{Chromium} is not installed (scripts/test installs Debian's chromium)";
            return;
        }
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var folder = Directory.CreateTempSubdirectory("recommit-browser-").FullName;
        _app = RecommitWeb.Build(["--urls", BaseUrl], b =>
        {
            b.Configuration["Recommit:Store"] = Path.Combine(folder, "recommit.db");
            b.Configuration["Recommit:IntakePerMinute"] = "100";
            b.Logging.ClearProviders();
        });
        await RecommitWeb.PrepareAsync(_app);
        await _app.StartAsync();
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>Skips the test when chromium is missing, except in CI where that is a failure.</summary>
    public void Require()
    {
        if (Missing is null) return;
        if (InCi) throw new InvalidOperationException(Missing);
        Skip.If(true, Missing);
    }

    /// <summary>A new page in its own context; <paramref name="bypassCsp"/> lets a test inject axe-core past the pages' script policy.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, BypassCSP = bypassCsp,
        });
        // Generous waits: scripts/test runs every suite at once on a small machine, and an account page re-runs an analysis.
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
        var page = await context.NewPageAsync();
        // A script that hostile text managed to inject would open a dialog; every test fails on one.
        page.Dialog += (_, dialog) => throw new InvalidOperationException("a dialog opened: " + dialog.Message);
        return page;
    }

    /// <summary>Saves a screenshot under artifacts/test-results/screenshots (the whole page unless <paramref name="fullPage"/> is false).</summary>
    public Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });

    public const string AdminEmail = "admin@example.com";
    public const string HostileContact = "<script>alert('contact')</script>Mallory";

    public async Task SignInAsync(IPage page, string email = AnalystEmail)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#f-email", email);
        await page.FillAsync("#f-password", Password);
        await page.ClickAsync("button[type=submit].primary");
        try
        {
            // The address is polled, not waited for as a navigation event: under load the page was seen at /accounts,
            // fully drawn, while a wait for its load event (and once even for its commit) never ended; later steps wait
            // for the elements they use.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts$"), new PageAssertionsToHaveURLOptions { Timeout = 60_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Say where the browser stood and what it showed, so a failure explains itself.
            var shown = await page.InnerTextAsync("body", new PageInnerTextOptions { Timeout = 5_000 });
            throw new TimeoutException($"sign-in as {email} did not reach /accounts; the page is {page.Url} showing: {shown[..Math.Min(shown.Length, 600)]}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task SeedAsync()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<StoreContext>();
        var demo = new Account { Name = "Northwind Traders", CreatedUtc = DateTime.UtcNow };
        var hostile = new Account { Name = HostileName, CreatedUtc = DateTime.UtcNow };
        db.Accounts.AddRange(demo, hostile);
        await db.SaveChangesAsync();
        DemoAccount = demo.Id;
        await StoreIdentity.CreateUserAsync(services, AdminEmail, Password, Roles.Admin);
        db.IntakeSubmissions.Add(new Storage.Intake.IntakeSubmission
        {
            Name = HostileContact, Email = "mallory@example.com", Organisation = "<b>Evil</b> Corp", Message = "<a href=javascript:alert(1)>brief</a>", CreatedUtc = DateTime.UtcNow,
        });
        var analyst = await StoreIdentity.CreateUserAsync(services, AnalystEmail, Password, Roles.Analyst);
        db.AccountMembers.AddRange(new AccountMember { AccountId = demo.Id, UserId = analyst.Id }, new AccountMember { AccountId = hostile.Id, UserId = analyst.Id });

        var usage = Path.Combine(Root, "data", "demo", "northwind", "usage.csv");
        var batch = UsageBatch.Read([usage], null, PriceBook.Default);
        await new UsageStore(db).ImportAsync(demo.Id, batch, [usage]);
        db.ContractVersions.Add(new ContractVersion
        {
            AccountId = demo.Id, Version = 1, Label = "current", CreatedUtc = DateTime.UtcNow,
            Json = await File.ReadAllTextAsync(Path.Combine(Root, "data", "demo", "northwind", "contract.json")),
        });
        await db.SaveChangesAsync();
        var signed = new Account { Name = "Fabrikam (signed)", CreatedUtc = DateTime.UtcNow };
        db.Accounts.Add(signed);
        await db.SaveChangesAsync();
        SignedAccount = signed.Id;
        db.AccountMembers.Add(new AccountMember { AccountId = signed.Id, UserId = analyst.Id });
        await new UsageStore(db).ImportAsync(signed.Id, batch, [usage]);
        db.ContractVersions.AddRange(
            new ContractVersion { AccountId = signed.Id, Version = 1, Label = "before", CreatedUtc = DateTime.UtcNow, Json = await File.ReadAllTextAsync(Path.Combine(Root, "data", "demo", "northwind", "contract.json")) },
            new ContractVersion { AccountId = signed.Id, Version = 2, Label = "signed", CreatedUtc = DateTime.UtcNow, Json = SignedContract });
        await db.SaveChangesAsync();

        var runner = new AnalysisRunner(db, PriceBook.Default);
        var record = await runner.QueueAsync(demo.Id, new AnalysisOptions { Paths = 500 });
        _ = await runner.RunAsync(record.Id) ?? throw new InvalidOperationException("the demo analysis failed: " + record.Progress);
    }

    /// <summary>The renegotiation signed for <see cref="SignedAccount"/>: from July 2026, a larger commitment at a deeper discount.</summary>
    private const string SignedContract = """
        {"name": "Fabrikam renewal", "start": "2026-07", "periods": [{"months": 12, "commitment": 1300000}, {"months": 12, "commitment": 1500000}],
         "committedDiscount": 0.25, "overageDiscount": 0.1, "carryover": {"fraction": 0.5, "cap": 0.1}, "billing": "arrears", "priceProtection": false}
        """;

    private static int FreePort()
    {
        for (var port = 5100; port <= 5119; port++)
        {
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try the next one.
            }
        }
        throw new InvalidOperationException("no free port in 5100–5119");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Recommit.slnx not found above the test folder");
    }
}
