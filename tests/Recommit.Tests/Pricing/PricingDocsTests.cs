using System.Text.RegularExpressions;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Tests.Pricing;

/// <summary>The price-book examples in docs/pricing.md are valid files that do what the page says, so the page cannot drift.</summary>
public partial class PricingDocsTests
{
    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static List<string> Examples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var page = File.ReadAllText(Path.Combine(dir.FullName, "docs", "pricing.md"));
        return [.. JsonBlock().Matches(page).Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public void The_file_format_example_reads_and_prices_the_Sonnet_5_5_cut()
    {
        var book = PriceBook.Default.Overlay(Examples()[0], "docs/pricing.md example 1");
        Assert.Equal(0.20m, book.UnitPrice("claude-sonnet-5-5", new DateOnly(2026, 10, 6), TokenKind.CacheRead, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard) * 1_000_000m);
        Assert.Equal(0.10m, book.UnitPrice("claude-sonnet-5-5", new DateOnly(2026, 10, 7), TokenKind.CacheRead, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard) * 1_000_000m);
    }

    [Fact]
    public void The_overlay_example_adds_a_price_change_and_a_model()
    {
        var book = PriceBook.Default.Overlay(Examples()[1], "docs/pricing.md example 2");
        Assert.Equal(PriceBook.Default.Version + "+acme-2026-12", book.Version);
        Assert.Equal(25m, book.UnitPrice("opus5-internal", new DateOnly(2026, 12, 31), TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard) * 1_000_000m);
        Assert.Equal(20m, book.UnitPrice("opus5-internal", new DateOnly(2027, 1, 1), TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard) * 1_000_000m);
        Assert.Equal(55m, book.UnitPrice("claude-opus-5", new DateOnly(2027, 1, 1), TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Us, Speed.Fast) * 1_000_000m);
        Assert.Equal("sonnet", book.FamilyOf("Acme Finetune 1"));
    }
}
