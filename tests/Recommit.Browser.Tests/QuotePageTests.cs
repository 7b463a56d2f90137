using Microsoft.Playwright;

namespace Recommit.Browser.Tests;

/// <summary>The public "Get a quote" page in chromium: the demo export and its contract give a verdict and charts; a bad file and a bad field come back beside their inputs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuotePageTests(BrowserApp app)
{
    private async Task FillContractAsync(IPage page, string name, string committedDiscount)
    {
        await page.FillAsync("#f-name", name);
        await page.FillAsync("#f-start", "2025-10");
        await page.FillAsync("input[name='periods[0].months']", "6");
        await page.FillAsync("input[name='periods[0].commitment']", "450000");
        await page.FillAsync("input[name='periods[1].months']", "12");
        await page.FillAsync("input[name='periods[1].commitment']", "900000");
        await page.FillAsync("input[name='periods[2].months']", "12");
        await page.FillAsync("input[name='periods[2].commitment']", "1000000");
        await page.FillAsync("#f-committedDiscount", committedDiscount);
    }

    [SkippableFact]
    public async Task Demo_export_and_contract_give_the_verdict_recommendation_best_package_and_fee_quote_with_charts_then_the_contact_form_is_received()
    {
        app.Require();
        // Past the script policy, so that axe can run on the result and escaping alone must keep hostile text inert.
        var page = await app.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/");
        await app.ScreenshotAsync(page, "quote-form");
        await page.SetInputFilesAsync("#f-usage", Path.Combine(app.Root, "data", "demo", "northwind", "usage.csv"));
        await FillContractAsync(page, "Northwind <b>Traders</b>", "0.20");
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForSelectorAsync("#verdict blockquote", new PageWaitForSelectorOptions { Timeout = 180_000 });
        var verdict = await page.InnerTextAsync("#verdict blockquote");
        Assert.Contains("Northwind <b>Traders</b>", await page.InnerTextAsync("h1"));
        Assert.False(string.IsNullOrWhiteSpace(verdict));
        Assert.Contains("Cost of doing nothing", await page.InnerTextAsync("#verdict"));
        Assert.True(await page.Locator("#cost-of-doing-nothing figure.chart svg").CountAsync() == 1);
        Assert.True(await page.Locator("#gap figure.chart svg").CountAsync() == 1);
        Assert.Equal(0, await page.Locator("h1 b").CountAsync());

        // The engine's recommendation, the best package for both sides and the fee quote, each agreeing with the report's figures.
        Assert.StartsWith("Recommendation:", await page.InnerTextAsync("#recommendation h2"), StringComparison.Ordinal);
        var recommendation = await page.InnerTextAsync("#recommendation");
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#recommendation blockquote")));
        var package = await page.InnerTextAsync("#package");
        Assert.Contains("Zone of agreement:", package);
        if (await page.Locator("#package ul.figures").CountAsync() == 1)
        {
            // The saving and gain in the package lines are the ones in the recommendation's reasons.
            var figures = await page.Locator("#package ul.figures strong").AllInnerTextsAsync();
            Assert.Equal(2, figures.Count);
            Assert.Contains($"saving the buyer {figures[0]} and gaining the vendor {figures[1]}", recommendation);
        }
        Assert.True(await page.Locator("#zone figure.chart svg").CountAsync() == 1);
        // The links at the top lead to each part of the long page.
        var targets = await page.Locator("nav.jump a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#recommendation", "#package", "#zone", "#quote", "#contact"], targets);
        foreach (var target in targets) Assert.Equal(1, await page.Locator(target).CountAsync());
        var quote = await page.InnerTextAsync("#quote");
        Assert.Contains("Fixed fee: $", quote);
        Assert.Contains("Gainshare: 25% of verified savings", quote);
        Assert.Equal(0, await page.Locator("#next.pending").CountAsync());
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page));
        // On a phone the result is no wider than the screen (wide tables scroll inside themselves), and it prints without the contact form.
        await page.SetViewportSizeAsync(360, 800);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360);
        await app.ScreenshotAsync(page, "quote-result-360", fullPage: false);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#contact form')).display"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.SetViewportSizeAsync(1280, 900);
        await app.ScreenshotAsync(page, "quote-result");
        await app.ScreenshotAsync(page, "quote-result-top", fullPage: false);

        await page.FillAsync("#f-name", "Ada <script>");
        await page.FillAsync("#f-email", "ada@example.com");
        await page.FillAsync("#f-message", "Please send the brief.");
        await page.ClickAsync("#contact button[type=submit]");
        await page.WaitForSelectorAsync("#contact .notice.ok");
        Assert.Contains("with our analysts", await page.InnerTextAsync("#contact"));
        await app.ScreenshotAsync(page, "quote-contact-sent");
    }

    [SkippableFact]
    public async Task A_bad_file_and_a_bad_discount_show_their_messages_beside_the_fields_and_the_form_keeps_what_was_typed()
    {
        app.Require();
        var page = await app.NewPageAsync(360, 800);
        await page.GotoAsync("/");
        // The browser sends a file name that climbs out of any folder; the server keeps only its last part.
        var name = $"bad-export-{Guid.NewGuid():N}.csv";
        await page.SetInputFilesAsync("#f-usage", new FilePayload
        {
            Name = "../../" + name, MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("date,model,token_kind,tokens\nnot-a-date,claude-sonnet-4-5,output,oops\n"),
        });
        await FillContractAsync(page, "Keep me", "1.5");
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForSelectorAsync("#f-usage-error");
        var fileError = await page.InnerTextAsync("#f-usage-error");
        Assert.Contains(name + ":2:", fileError);
        Assert.DoesNotContain("../", fileError);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), name)));
        Assert.DoesNotContain("recommit-quote-", fileError);
        Assert.Contains("committedDiscount", await page.InnerTextAsync("#f-committedDiscount-error"));
        Assert.Equal("Keep me", await page.InputValueAsync("#f-name"));
        Assert.Equal("1.5", await page.InputValueAsync("#f-committedDiscount"));
        Assert.Equal("900000", await page.InputValueAsync("input[name='periods[1].commitment']"));
        await app.ScreenshotAsync(page, "quote-bad-upload-360px");
    }
}
