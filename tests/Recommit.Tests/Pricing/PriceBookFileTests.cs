using Recommit.Pricing;
using Recommit.Usage;
using static Recommit.Tests.Pricing.PricingFixtures;

namespace Recommit.Tests.Pricing;

/// <summary>Reading a user's price-book file and laying it over the shipped one; every fault names the file and field.</summary>
public class PriceBookFileTests
{
    private static PriceBookException Fails(string json) =>
        Assert.Throws<PriceBookException>(() => PriceBook.Parse(json, "acme-prices.json"));

    [Fact]
    public void A_complete_user_file_parses_into_a_book_with_its_version()
    {
        var book = PriceBook.Parse(Book(AcmeModel), "acme-prices.json");
        Assert.Equal("test-1", book.Version);
        Assert.Equal("acme-model-1", book.Resolve("ACME-MODEL-1-20261201").Value);
        Assert.Equal(4m, book.UnitPrice("acme-model-1", new DateOnly(2026, 12, 3), TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard) * 1_000_000m);
    }

    [Fact]
    public void Usage_before_a_dated_first_entry_has_no_price()
    {
        var book = PriceBook.Parse(Book(AcmeModel), "acme-prices.json");
        var e = Assert.Throws<UnsupportedPricingException>(() => book.UnitPrice("acme-model-1", new DateOnly(2026, 11, 30), TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard));
        Assert.Contains("2026-12-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var e = Fails("{ \"version\": \"x\",\n \"models\": [ }");
        Assert.Contains("acme-prices.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rate_names_its_json_path()
    {
        var e = Fails(Book(AcmeModel.Replace("\"cacheRead\": 0.1, ", "", StringComparison.Ordinal)));
        Assert.Equal("$.models[0].prices[0].standard.cacheRead", e.JsonPath);
        Assert.Equal("acme-prices.json", e.File);
        Assert.Contains("acme-prices.json: $.models[0].prices[0].standard.cacheRead: missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"output\": 4", "\"output\": -4", "$.models[0].prices[0].standard.output")]
    [InlineData("\"output\": 4", "\"output\": \"4\"", "$.models[0].prices[0].standard.output")]
    [InlineData("\"output\": 4", "\"output\": 4, \"outptu\": 4", "$.models[0].prices[0].standard.outptu")]
    [InlineData("\"effective\": \"2026-12-01\"", "\"effective\": \"12/01/2026\"", "$.models[0].prices[0].effective")]
    [InlineData("\"batchMultiplier\": 0.5", "\"batchMultiplier\": 2", "$.models[0].prices[0].batchMultiplier")]
    [InlineData("\"family\": \"acme\"", "\"family\": \"\"", "$.models[0].family")]
    [InlineData("\"id\": \"acme-model-1\"", "\"id\": \"Acme Model!\"", "$.models[0].id")]
    [InlineData("\"tokenizerGeneration\": 1", "\"tokenizerGeneration\": 1.5", "$.models[0].tokenizerGeneration")]
    [InlineData("\"displayName\": \"Acme Model 1\", ", "", "$.models[0].displayName")]
    [InlineData("\"effective\": \"2026-12-01\", ", "", "$.models[0].prices[0].effective")]
    [InlineData("\"aliases\": [\"acme-model-1-20261201\"]", "\"aliases\": [\"Claude Sonnet 4.5\", \"claude-sonnet-4-5\"]", "$.models[1].aliases[0]")]
    public void A_bad_field_is_reported_with_its_json_path(string find, string replace, string path)
    {
        var models = AcmeModel.Replace(find, replace, StringComparison.Ordinal);
        if (path.StartsWith("$.models[1]", StringComparison.Ordinal))
        {
            // Two models where the second claims a name of the first.
            var sonnet = """{ "id": "claude-sonnet-4-5", "displayName": "Claude Sonnet 4.5", "family": "sonnet", "tokenizerGeneration": 1, "prices": [{ "effective": null, "source": "s", "standard": { "input": 3, "cacheWrite5m": 3.75, "cacheWrite1h": 6, "cacheRead": 0.3, "output": 15 } }] }""";
            models = "[" + sonnet + "," + models.Trim().TrimStart('[');
        }
        var e = Fails(Book(models));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains("acme-prices.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_label_with_spaces_is_refused()
    {
        Assert.Equal("$.version", Fails(Book(AcmeModel, "my prices")).JsonPath);
    }

    [Fact]
    public void Two_entries_on_the_same_day_are_refused()
    {
        var twice = AcmeModel.Replace("\"prices\": [{", "\"prices\": [{ \"effective\": \"2026-12-01\", \"source\": \"dup\", \"standard\": { \"input\": 1, \"cacheWrite5m\": 1, \"cacheWrite1h\": 1, \"cacheRead\": 1, \"output\": 1 } }, {", StringComparison.Ordinal);
        var e = Fails(Book(twice));
        Assert.Contains("two entries of acme-model-1 are effective on 2026-12-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlay_adds_a_model_and_names_both_versions()
    {
        var book = PriceBook.Default.Overlay(Book(AcmeModel, "acme-2026-12"), "acme-prices.json");
        Assert.Equal(PriceBook.Default.Version + "+acme-2026-12", book.Version);
        Assert.True(book.TryResolve("Acme Model 1", out _));
        Assert.True(book.TryResolve("claude-sonnet-4-5", out _));
        Assert.False(PriceBook.Default.TryResolve("Acme Model 1", out _));
    }

    [Fact]
    public void An_overlay_adds_a_price_change_to_a_shipped_model()
    {
        const string change = """
            { "version": "opus-cut", "models": [ { "id": "claude-opus-5", "aliases": ["opus5-internal"],
              "prices": [ { "effective": "2027-01-01", "source": "announced cut", "batchMultiplier": 0.5, "usGeoMultiplier": 1.1, "longContext": "standard",
                            "standard": { "input": 4, "cacheWrite5m": 5, "cacheWrite1h": 8, "cacheRead": 0.4, "output": 20 } } ] } ] }
            """;
        var book = PriceBook.Default.Overlay(change, "cut.json");
        decimal Output(DateOnly day) => book.UnitPrice("opus5-internal", day, TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard) * 1_000_000m;
        Assert.Equal(25m, Output(new DateOnly(2026, 12, 31)));
        Assert.Equal(20m, Output(new DateOnly(2027, 1, 1)));
        Assert.Equal("Claude Opus 5", book.Info(new ModelId("claude-opus-5")).DisplayName);
        // The new entry has no fast rates, so fast mode stops being priced from its day.
        Assert.Throws<UnsupportedPricingException>(() => book.UnitPrice("claude-opus-5", new DateOnly(2027, 1, 2), TokenKind.Output, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Fast));
    }

    [Fact]
    public void An_overlay_error_names_the_user_file()
    {
        var e = Assert.Throws<PriceBookException>(() => PriceBook.Default.Overlay("""{ "version": "v2", "models": [ { "id": "new-model" } ] }""", "mine.json"));
        Assert.Equal("mine.json", e.File);
        Assert.Equal("$.models[0].displayName", e.JsonPath);
    }
}
