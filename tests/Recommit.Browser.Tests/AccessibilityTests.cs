using System.Text.Json;
using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>
/// axe-core (vendored, Vendor/axe.min.js) on every page, at desktop width: no serious or critical violation. Also the
/// admin's intake inbox shows hostile contact text as text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    private static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "Vendor", "axe.min.js");

    /// <summary>axe-core's serious and critical violations on the page as it is (the page must bypass the pages' script policy).</summary>
    internal static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Axe });
        var found = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
        return [.. found.EnumerateArray().Select(v => page.Url + ": " + v.GetString())];
    }

    [SkippableFact]
    public async Task Every_page_has_no_serious_or_critical_axe_violation()
    {
        app.Require();
        var page = await app.NewPageAsync(bypassCsp: true);
        var violations = new List<string>();

        await page.GotoAsync("/");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForSelectorAsync(".notice.error");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("/signin");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("/quote/" + Guid.NewGuid());
        violations.AddRange(await SeriousViolationsAsync(page));

        await app.SignInAsync(page, BrowserApp.AdminEmail);
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync($"/accounts/{app.DemoAccount}");
        await page.WaitForSelectorAsync("#figures #verdict");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("/accounts/intake");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("/accounts/users");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.FillAsync("#f-email", "not an email");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForSelectorAsync(".field.invalid");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("/accounts/tokens");
        await page.FillAsync("#f-name", "axe");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForSelectorAsync("#new-token");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync($"/accounts/{app.SignedAccount}/verify");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.FillAsync("#f-from", "2026-07");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForSelectorAsync("#verified");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("/accounts/digest?week=2026-10-07");
        await page.WaitForSelectorAsync("section.impact");
        violations.AddRange(await SeriousViolationsAsync(page));

        Assert.Empty(violations);
    }

    [SkippableFact]
    public async Task The_intake_inbox_shows_hostile_contact_text_as_text()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, BrowserApp.AdminEmail);
        await page.GotoAsync("/accounts/intake");
        var inbox = await page.InnerTextAsync("table.list");
        Assert.Contains(BrowserApp.HostileContact, inbox);
        Assert.Contains("<b>Evil</b> Corp", inbox);
        Assert.Equal(0, await page.Locator("main table b, main table a, main table script").CountAsync());
        await app.ScreenshotAsync(page, "intake-inbox");
    }
}
