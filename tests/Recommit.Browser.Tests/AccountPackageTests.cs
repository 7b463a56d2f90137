using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>
/// An account page's negotiation in chromium: the best package and the zone before any run, the package controls valuing
/// a package in place (a bad field named in place), and the brief and FOCUS cost-and-usage downloads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPackageTests(BrowserApp app)
{
    [SkippableFact]
    public async Task The_package_controls_value_a_package_for_both_sides_without_a_reload()
    {
        app.Require();
        var page = await app.NewPageAsync(bypassCsp: true);
        await app.SignInAsync(page);
        await page.GotoAsync($"/accounts/{app.DemoAccount}");
        await page.WaitForSelectorAsync("#package-value #deal");
        Assert.Contains("Best package for both sides", await page.InnerTextAsync("#package-value #deal h2"));
        Assert.Contains("Zone of agreement:", await page.InnerTextAsync("#package-value .zone-line"));
        // The controls start from the recommended package.
        Assert.False(string.IsNullOrEmpty(await page.InputValueAsync("#f-package-annualCommit")));
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.FillAsync("#f-package-discount", "half");
        await page.ClickAsync("form.package button[type=submit]");
        await page.WaitForSelectorAsync("#package-value .notice.error");
        Assert.Contains("package.discount: 'half' is not a number", await page.InnerTextAsync("#package-value .notice.error"));

        await page.FillAsync("#f-package-start", "2026-12");
        await page.FillAsync("#f-package-annualCommit", "1200000");
        await page.FillAsync("#f-package-termMonths", "24");
        await page.FillAsync("#f-package-discount", "0.25");
        await page.FillAsync("#f-package-carryover", "0");
        await page.FillAsync("#f-package-carryoverCap", "0");
        await page.ClickAsync("form.package button[type=submit]");
        await page.WaitForSelectorAsync("#package-value .notice.ok", new PageWaitForSelectorOptions { Timeout = 180_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        var deal = await page.InnerTextAsync("#package-value #deal");
        Assert.Contains("What-if package: $1,200,000.00 a year of commitment over 24 months from 2026-12, at a 25% committed discount", deal);
        Assert.Contains("The vendor ", deal);
        Assert.Matches("Verdict: (accept|counter|reject)", deal);
        Assert.Contains("Zone of agreement:", deal);
        Assert.Contains("What-if package", await page.InnerTextAsync("#package-value #package-packages table"));
        Assert.Equal(1, await page.Locator("#package-value #package-packages figure.chart svg").CountAsync());
        // The packages' sections are on the page twice (the analysis and this run), under different ids.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.length - new Set(ids).size; }"));
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page));
        await page.EvaluateAsync("() => document.querySelector('form.package').closest('details').scrollIntoView()");
        await app.ScreenshotAsync(page, "account-package-top", fullPage: false);
        await page.Locator("#package-value").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(app.Screenshots, "account-package.png") });
    }

    [SkippableFact]
    public async Task Without_javascript_the_package_form_answers_with_a_whole_page_keeping_what_was_typed()
    {
        app.Require();
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        context.SetDefaultTimeout(180_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page);
        await page.GotoAsync($"/accounts/{app.DemoAccount}");
        await page.FillAsync("#f-package-termMonths", "200");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.package button[type=submit]"), r => r.Url.EndsWith("/package", StringComparison.Ordinal));
        Assert.Equal(400, answer.Status);
        await page.WaitForSelectorAsync("#package-value .notice.error");
        Assert.Contains("package.termMonths: '200' is not a whole number of months from 1 to 120", await page.InnerTextAsync("#package-value .notice.error"));
        Assert.Equal("200", await page.InputValueAsync("#f-package-termMonths"));
        Assert.Contains("Northwind Traders", await page.InnerTextAsync("h1"));
    }

    [SkippableFact]
    public async Task The_brief_and_the_focus_cost_and_usage_csv_download_from_the_account_page()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.GotoAsync($"/accounts/{app.DemoAccount}");
        var brief = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".downloads a[href$='brief.md']"));
        Assert.Equal("brief.md", brief.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await brief.PathAsync());
        Assert.StartsWith("# Negotiation brief: Northwind Traders", text, StringComparison.Ordinal);
        Assert.Contains("## Zone of possible agreement", text);

        var focus = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".downloads a[href$='focus-cost-and-usage.csv']"));
        Assert.Equal("focus-cost-and-usage.csv", focus.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync(await focus.PathAsync());
        Assert.StartsWith("BilledCost,", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 12, $"expected a row per month and family, found {lines.Length - 1} rows");
    }
}
