using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>The analysts' workspace in chromium: sign-in, the accounts list, an account's what-if and its downloads, and hostile names shown as text.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspacePageTests(BrowserApp app)
{
    [SkippableFact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_the_workspace()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/accounts/{app.DemoAccount}");
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#figures").CountAsync());
        await page.GotoAsync("/accounts");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.Contains("sign in", await page.InnerTextAsync("h1"), StringComparison.OrdinalIgnoreCase);
        await app.ScreenshotAsync(page, "signin");
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_beside_the_email()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#f-email", BrowserApp.AnalystEmail);
        await page.FillAsync("#f-password", "not-the-password");
        await page.ClickAsync("button[type=submit].primary");
        Assert.Contains("not recognised", await page.InnerTextAsync("#f-email-error"));
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Signed_in_the_accounts_list_shows_hostile_names_as_text()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        var list = await page.InnerTextAsync("table.list");
        Assert.Contains("Northwind Traders", list);
        Assert.Contains(BrowserApp.HostileName, list);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await app.ScreenshotAsync(page, "accounts");
    }

    [SkippableFact]
    public async Task Changing_a_lever_re_runs_and_swaps_the_figures_and_charts_without_a_reload()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.ClickAsync("text=Northwind Traders");
        await page.WaitForSelectorAsync("#figures #levers");
        var before = await page.InnerTextAsync("#figures #levers");
        Assert.Contains("Levers: none given", await page.InnerTextAsync("#figures #verdict"));
        var chartBefore = await page.InnerHTMLAsync("#figures #levers figure.chart");
        await app.ScreenshotAsync(page, "account");
        await app.ScreenshotAsync(page, "account-top", fullPage: false);
        // A marker on the window survives a swap but not a page load.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.FillAsync("#f-batch-share", "0.5");
        await page.ClickAsync("form[data-swap] button[type=submit]");
        await page.WaitForSelectorAsync("#figures .notice.ok", new PageWaitForSelectorOptions { Timeout = 120_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Contains("batch 0.5", await page.InnerTextAsync("#figures .notice.ok"));
        var after = await page.InnerTextAsync("#figures #levers");
        Assert.NotEqual(before, after);
        Assert.DoesNotContain("Levers: none given", await page.InnerTextAsync("#figures #verdict"));
        Assert.NotEqual(chartBefore, await page.InnerHTMLAsync("#figures #levers figure.chart"));
        await app.ScreenshotAsync(page, "account-what-if");
    }

    [SkippableFact]
    public async Task The_report_and_analysis_json_download_from_the_account_page()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.GotoAsync($"/accounts/{app.DemoAccount}");
        var report = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".downloads a[href$='report.html']"));
        Assert.Equal("report.html", report.SuggestedFilename);
        var html = await File.ReadAllTextAsync(await report.PathAsync());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Northwind Traders", html);
        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".downloads a[href$='analysis.json']"));
        Assert.Contains("\"gap\"", await File.ReadAllTextAsync(await json.PathAsync()));
    }

    [SkippableFact]
    public async Task A_post_without_the_antiforgery_token_is_refused_even_when_signed_in()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        var form = page.APIRequest.CreateFormData();
        form.Set("batch.share", "0.5");
        form.Set("paths", "100");
        form.Set("threshold", "0.1");
        var whatIf = await page.APIRequest.PostAsync($"/accounts/{app.DemoAccount}/what-if", new APIRequestContextOptions { Form = form });
        Assert.Equal(400, whatIf.Status);
        Assert.DoesNotContain("notice", await whatIf.TextAsync());
        var quote = await page.APIRequest.PostAsync("/quote", new APIRequestContextOptions { Form = page.APIRequest.CreateFormData() });
        // Refused by antiforgery before the form is looked at: not the form page with its field errors.
        Assert.Equal(400, quote.Status);
        Assert.DoesNotContain("Get a quote", await quote.TextAsync());
    }
}
