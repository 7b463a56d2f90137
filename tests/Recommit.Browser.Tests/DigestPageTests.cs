using System.Xml.Linq;
using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>
/// The weekly pricing digest page in the workspace (docs/pricing.md, "Weekly digest") in chromium: reached from the
/// site's navigation, it shows the week's moves, each account's impact and counters, links its Atom feed as
/// <c>rel="alternate"</c>, shows hostile names as text, and shows an analyst only the accounts shared with them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DigestPageTests(BrowserApp app)
{
    /// <summary>An account only the admin sees (created through the admin API for this test).</summary>
    private const string AdminOnly = "Digest: admin only";

    [SkippableFact]
    public async Task The_digest_of_haiku_5_5s_launch_week_shows_the_moves_the_routing_counter_and_its_feed()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.ClickAsync("nav[aria-label=Site] a[href='/accounts/digest']");
        Assert.Contains("Pricing digest", await page.InnerTextAsync("h1"));
        await page.FillAsync("#f-week", "2026-10-07");
        await page.ClickAsync("form[action='/accounts/digest'] button[type=submit]");
        await page.WaitForSelectorAsync("section.impact");

        Assert.Contains("2026-10-05 to 2026-10-11", await page.InnerTextAsync("h1"));
        var moves = await page.InnerTextAsync("#moves table");
        Assert.Contains("claude-haiku-5-5", moves);
        Assert.Contains("claude-sonnet-5-5", moves);
        // Northwind runs Sonnet 4.6: Haiku 5.5 is one tier down, so a routing counter with its value.
        var northwind = page.Locator("section.impact", new PageLocatorOptions { HasText = "Northwind Traders" });
        var counters = await northwind.Locator("ul.counters").InnerTextAsync();
        Assert.Contains("routing", counters);
        Assert.Contains("Routing 30 % of claude-sonnet-4-6's traffic to it from 2026-11", counters);
        Assert.Contains("Recommendation unchanged", await northwind.Locator("p.deal").InnerTextAsync());
        var hostile = page.Locator("section.impact", new PageLocatorOptions { HasText = "Tailspin" });
        Assert.Contains(BrowserApp.HostileName, await hostile.Locator("h3").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());

        var feed = await page.GetAttributeAsync("head link[rel=alternate][type='application/atom+xml']", "href");
        Assert.Equal("/digest.atom?week=2026-10-05", feed);
        var atom = await page.APIRequest.GetAsync(feed!);
        Assert.Equal(200, atom.Status);
        var xml = XDocument.Parse(await atom.TextAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Contains(xml.Root!.Elements(ns + "entry"), e => e.Element(ns + "title")!.Value.StartsWith("Northwind Traders", StringComparison.Ordinal));
        await app.ScreenshotAsync(page, "digest");
    }

    [SkippableFact]
    public async Task An_analyst_sees_only_the_accounts_shared_with_them_and_an_admin_every_account()
    {
        app.Require();
        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, BrowserApp.AdminEmail);
        // A change through the API with the sign-in cookie carries the antiforgery token in its header.
        var antiforgery = System.Text.Json.JsonDocument.Parse(await (await admin.APIRequest.GetAsync("/api/auth/antiforgery")).TextAsync()).RootElement;
        var created = await admin.APIRequest.PostAsync("/api/accounts", new APIRequestContextOptions
        {
            DataObject = new { name = AdminOnly },
            Headers = new Dictionary<string, string> { [antiforgery.GetProperty("headerName").GetString()!] = antiforgery.GetProperty("token").GetString()! },
        });
        Assert.True(created.Status is 201 or 409, $"creating the account answered {created.Status}");
        await admin.GotoAsync("/accounts/digest?week=2026-11-18");
        Assert.Contains(AdminOnly, await admin.InnerTextAsync("main"));

        var analyst = await app.NewPageAsync();
        await app.SignInAsync(analyst);
        await analyst.GotoAsync("/accounts/digest?week=2026-11-18");
        var shown = await analyst.Locator("section.impact h3").AllInnerTextsAsync();
        Assert.Contains("Northwind Traders", shown);
        Assert.DoesNotContain(AdminOnly, await analyst.InnerTextAsync("main"));
        Assert.Contains("No pricing moves took effect this week.", await analyst.InnerTextAsync("#moves"));
    }

    [SkippableFact]
    public async Task A_malformed_week_is_refused_beside_the_field()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        var response = await page.GotoAsync("/accounts/digest?week=next-tuesday");
        Assert.Equal(400, response!.Status);
        Assert.Contains("expected a day as yyyy-MM-dd, found 'next-tuesday'", await page.InnerTextAsync("#f-week-error"));
    }
}
