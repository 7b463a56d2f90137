using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>
/// The workspace pages added for users, tokens, verified savings and packages at a 360 px phone width (nothing wider than
/// the screen but a table scrolling inside itself), printed (no forms or navigation), and used from the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserApp app)
{
    private static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    [SkippableFact]
    public async Task The_new_workspace_pages_fit_360_px_and_print_without_their_forms()
    {
        app.Require();
        var page = await app.NewPageAsync(360, 800);
        await app.SignInAsync(page, BrowserApp.AdminEmail);
        var widths = new Dictionary<string, int>();
        foreach (var path in new[] { "/accounts/users", "/accounts/tokens", $"/accounts/{app.SignedAccount}/verify", $"/accounts/{app.DemoAccount}" })
        {
            await page.GotoAsync(path);
            widths[path] = await PageWidthAsync(page);
        }
        await page.GotoAsync($"/accounts/{app.SignedAccount}/verify");
        await page.FillAsync("#f-from", "2026-07");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForSelectorAsync("#verified");
        widths["verify run"] = await PageWidthAsync(page);
        await app.ScreenshotAsync(page, "verified-savings-360");
        Assert.All(widths, w => Assert.True(w.Value <= 360, $"{w.Key} is {w.Value} px wide at 360 px"));

        await page.GotoAsync($"/accounts/{app.SignedAccount}/verify");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main form')).display"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).display"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('table.list')).display"));
    }

    [SkippableFact]
    public async Task A_token_can_be_created_with_the_keyboard_alone()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page);
        await page.GotoAsync("/accounts/tokens");
        // Tab from the top of the page to the name field: the skip link, the navigation, then the form.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "f-name"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("f-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("keyboard only");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#new-token");
        Assert.Contains("keyboard only", await page.InnerTextAsync("table.tokens"));
        // The one-time secret takes focus from the keyboard, so it can be selected and copied.
        Assert.Equal("0", await page.GetAttributeAsync("#new-token", "tabindex"));
    }
}
