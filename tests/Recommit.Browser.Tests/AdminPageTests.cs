using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>
/// The workspace's own administration in chromium: an admin adds a user (a weak password refused beside its field), a
/// user's personal access tokens (the secret shown once, working against the API until revoked), and a signed account's
/// verified savings run from the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdminPageTests(BrowserApp app)
{
    [SkippableFact]
    public async Task An_admin_adds_a_user_who_can_then_sign_in_and_a_weak_password_is_refused_beside_its_field()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, BrowserApp.AdminEmail);
        await page.ClickAsync("header nav a[href='/accounts/users']");
        Assert.Contains(BrowserApp.AnalystEmail, await page.InnerTextAsync("table.list"));
        var email = $"new-{Guid.NewGuid():N}@example.com";

        await page.FillAsync("#f-email", email);
        await page.SelectOptionAsync("#f-role", "analyst");
        await page.FillAsync("#f-password", "short");
        await page.ClickAsync("button[type=submit].primary");
        Assert.Contains("password:", await page.InnerTextAsync("#f-password-error"));
        Assert.Equal(email, await page.InputValueAsync("#f-email"));
        Assert.DoesNotContain(email, await page.InnerTextAsync("table.list"));

        await page.FillAsync("#f-password", BrowserApp.Password);
        await page.ClickAsync("button[type=submit].primary");
        Assert.Contains($"Added {email} as an analyst", await page.InnerTextAsync(".notice.ok"));
        Assert.Contains(email, await page.InnerTextAsync("table.list"));
        Assert.DoesNotContain(BrowserApp.Password, await page.ContentAsync());
        await app.ScreenshotAsync(page, "users");

        var newcomer = await app.NewPageAsync();
        await app.SignInAsync(newcomer, email);
        Assert.Contains("No account is shared with you yet", await newcomer.InnerTextAsync("main"));
        Assert.Equal(0, await newcomer.Locator("header nav a[href='/accounts/users']").CountAsync());
        var refused = await newcomer.GotoAsync("/accounts/users");
        Assert.Equal(403, refused!.Status);
    }

    [SkippableFact]
    public async Task A_token_is_shown_once_works_against_the_api_and_stops_working_when_revoked()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.ClickAsync("header nav a[href='/accounts/tokens']");
        var name = "nightly <import> " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#f-name", name);
        await page.FillAsync("#f-expiresInDays", "30");
        await page.ClickAsync("button[type=submit].primary");
        var secret = await page.InnerTextAsync("#new-token");
        Assert.Matches(TokenPattern(), secret);
        Assert.Contains(name, await page.InnerTextAsync("table.tokens"));
        // The screenshot shows where the secret appears, not the secret itself.
        await page.EvaluateAsync("() => { document.getElementById('new-token').textContent = 'rct_… (hidden in this screenshot)'; }");
        await app.ScreenshotAsync(page, "tokens-created");

        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var api = await playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
        {
            BaseURL = app.BaseUrl, ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret },
        });
        Assert.Equal(200, (await api.GetAsync("/api/me")).Status);

        // Shown once: the list page does not show the secret again.
        await page.GotoAsync("/accounts/tokens");
        Assert.DoesNotContain(secret, await page.ContentAsync());
        var row = page.Locator("table.tokens tr", new PageLocatorOptions { HasText = name });
        Assert.Contains("live", await row.InnerTextAsync());
        await row.Locator("button", new LocatorLocatorOptions { HasText = "Revoke" }).ClickAsync();
        await page.WaitForURLAsync("**/accounts/tokens");
        Assert.Contains("revoked", await page.Locator("table.tokens tr", new PageLocatorOptions { HasText = name }).InnerTextAsync());
        Assert.Equal(401, (await api.GetAsync("/api/me")).Status);
        await app.ScreenshotAsync(page, "tokens");
    }

    [SkippableFact]
    public async Task A_verified_savings_run_from_the_page_shows_its_statement_with_a_sentence_that_matches_the_totals()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.GotoAsync($"/accounts/{app.SignedAccount}/verify");
        Assert.Equal("1", await page.InputValueAsync("#f-oldVersion"));
        Assert.Equal("2", await page.InputValueAsync("#f-newVersion"));

        await page.FillAsync("#f-from", "2026-13");
        await page.ClickAsync("button[type=submit].primary");
        Assert.Contains("from:", await page.InnerTextAsync("#f-from-error"));
        Assert.Equal("2026-13", await page.InputValueAsync("#f-from"));

        await page.FillAsync("#f-from", "2026-07");
        await page.FillAsync("#f-to", "2026-10");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync(new Regex("/verify/\\d+$"));
        var rows = await page.Locator("#verified tbody tr").CountAsync();
        Assert.Equal(5, rows); // July to October, then the total
        var total = page.Locator("#verified tr.total td");
        var savings = await total.Nth(3).InnerTextAsync();
        var fee = await total.Nth(5).InnerTextAsync();
        var sentence = await page.InnerTextAsync("#verified blockquote");
        Assert.StartsWith($"Verified savings over the window are {savings}", sentence, StringComparison.Ordinal);
        Assert.EndsWith($"gainshare fee on {(sentence.Contains("not above zero", StringComparison.Ordinal) ? "this window" : "them")} is {fee}.", sentence, StringComparison.Ordinal);
        await app.ScreenshotAsync(page, "verified-savings");

        await page.ClickAsync("text=All runs of this account");
        Assert.Contains("contract v1 → v2, 2026-07 to 2026-10", await page.InnerTextAsync("table.list"));
    }

    [GeneratedRegex("^rct_[A-Za-z0-9_-]{40,}$")]
    private static partial Regex TokenPattern();
}
