using Recommit.Import.Prices;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Import.Tests.Prices;

/// <summary>Bringing in the LiteLLM price file and a user's price sheet (docs/pricing.md, "Bring in prices").</summary>
public sealed class PriceImportTests
{
    private static readonly PriceBook Book = PriceBook.Default;

    /// <summary>
    /// fixtures/prices/litellm.json: a small file in LiteLLM's shape: Sonnet 4.5 under three providers at the book's own rates, Haiku 4.5 with input at
    /// $1.20 instead of $1.00 and batch prices, a Claude name the book does not know, and an OpenAI model.
    /// </summary>
    private static readonly string LiteLlm = File.ReadAllText(Fixtures.Path("prices/litellm.json"));

    private static readonly DateOnly Effective = new(2026, 12, 1);

    [Fact]
    public void Litellm_claude_entries_are_read_per_mtok_and_resolved_to_book_models()
    {
        var prices = LiteLlmPriceFile.Read(LiteLlm, "prices.json", Book, out var skipped);

        Assert.Equal(5, prices.Count);
        Assert.Equal(2, skipped); // sample_spec and gpt-4o
        var haiku = prices.Single(p => p.Key == "anthropic/claude-haiku-4-5");
        Assert.Equal("claude-haiku-4-5", haiku.Model!.Value.Value);
        Assert.Equal(1.2m, haiku.Input);
        Assert.Equal(0.1m, haiku.CacheRead);
        Assert.Null(haiku.CacheWrite5m);
        Assert.Equal(0.5m, haiku.BatchMultiplier);
        Assert.Equal("claude-sonnet-4-5", prices.Single(p => p.Key.StartsWith("bedrock/", StringComparison.Ordinal)).Model!.Value.Value);
        Assert.Equal("claude-sonnet-4-5", prices.Single(p => p.Key.StartsWith("vertex_ai/", StringComparison.Ordinal)).Model!.Value.Value);
        Assert.Null(prices.Single(p => p.Key == "claude-imaginary-9").Model);
    }

    [Fact]
    public void Import_adds_one_entry_for_the_changed_model_dated_at_import_and_reports_the_rest()
    {
        var prices = LiteLlmPriceFile.Read(LiteLlm, "prices.json", Book, out _);
        var result = PriceImport.Build(Book, prices, Effective, "litellm prices.json");

        var (model, entry) = Assert.Single(result.Entries);
        Assert.Equal("claude-haiku-4-5", model.Value);
        Assert.Equal(Effective, entry.Effective);
        Assert.Equal(1.2m, entry.Standard.Input);
        Assert.Equal(1.25m, entry.Standard.CacheWrite5m); // not in the file: the book's rate is kept
        var move = Assert.Single(result.Moves);
        Assert.Equal(("input", 1m, 1.2m), (move.Rate, move.Old, move.New));
        Assert.Equal(20m, move.ChangePercent);
        Assert.Equal(["claude-imaginary-9"], result.UnknownModels);
        Assert.Equal(1, result.Unchanged); // Sonnet 4.5 (its Bedrock and Vertex names are the same model, counted once)
    }

    [Fact]
    public void The_written_price_book_file_loads_through_overlay_and_prices_from_its_effective_day()
    {
        var prices = LiteLlmPriceFile.Read(LiteLlm, "prices.json", Book, out _);
        var result = PriceImport.Build(Book, prices, Effective, "litellm prices.json");
        var json = PriceBookOverlay.ToJson("litellm", "test", result.Entries);

        var overlaid = Book.Overlay(json, "litellm.pricebook.json");

        Assert.Equal("2026-11-24+litellm", overlaid.Version);
        Assert.Equal(1m / 1_000_000m, Price(overlaid, Effective.AddDays(-1)));
        Assert.Equal(1.2m / 1_000_000m, Price(overlaid, Effective));
        Assert.Single(PriceHistory.Between(overlaid, Effective.AddDays(-1), Effective));
    }

    private static decimal Price(PriceBook book, DateOnly day) =>
        book.UnitPrice("claude-haiku-4-5", day, TokenKind.UncachedInput, ServiceTier.Standard, ContextBand.Standard, InferenceGeo.Global, Speed.Standard);

    [Fact]
    public void Cross_check_lists_each_rate_where_the_book_and_the_file_disagree()
    {
        var prices = LiteLlmPriceFile.Read(LiteLlm, "prices.json", Book, out _);
        var (disagreements, unknown) = PriceCrossCheck.Run(Book, prices, Effective);

        var d = Assert.Single(disagreements);
        Assert.Equal(("anthropic/claude-haiku-4-5", "claude-haiku-4-5", "input", 1m, 1.2m), (d.SourceKey, d.Model.Value, d.Rate, d.Book, d.Source));
        Assert.Equal(["claude-imaginary-9"], unknown);
    }

    [Fact]
    public void Importing_on_a_day_the_book_already_has_an_entry_is_refused()
    {
        var sheet = PriceSheetCsv.Read(new StringReader("model,input,output,cache_read,effective\nclaude-sonnet-5-5,2,10,0.05,2026-10-07\n"), "sheet.csv", Book);
        var e = Assert.Throws<ImportException>(() => PriceImport.Build(Book, sheet, Effective, "sheet"));
        Assert.Contains("2026-10-07", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_line_with_its_own_effective_day_wins_over_the_import_day()
    {
        var sheet = PriceSheetCsv.Read(new StringReader("model,input,output,cache_read,effective\nClaude Sonnet 5.5,2,10,0.05,2026-11-15\n"), "sheet.csv", Book);
        var result = PriceImport.Build(Book, sheet, Effective, "sheet");

        var move = Assert.Single(result.Moves);
        Assert.Equal((new DateOnly(2026, 11, 15), "cache_read", 0.1m, 0.05m), (move.Effective!.Value, move.Rate, move.Old, move.New));
    }

    [Theory]
    [InlineData("model,input,output\nclaude-sonnet-4-5,abc,15\n", "sheet.csv:2: input")]
    [InlineData("model,input,output\nclaude-sonnet-4-5,-3,15\n", "sheet.csv:2: input")]
    [InlineData("model,input,output\nclaude-sonnet-4-5,3,15\nclaude-nonexistent,1,2\n", "sheet.csv:3: model: 'claude-nonexistent'")]
    [InlineData("model,input\nclaude-sonnet-4-5,3\n", "missing required column 'output'")]
    [InlineData("model,input,output\n", "no data rows")]
    [InlineData("model,input,output,effective\nclaude-sonnet-4-5,3,15,1 Dec\n", "sheet.csv:2: effective")]
    public void Bad_sheets_are_refused_naming_file_line_and_column(string text, string expected)
    {
        var e = Assert.Throws<ImportException>(() => PriceSheetCsv.Read(new StringReader(text), "sheet.csv", Book));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_litellm_cost_that_is_not_a_number_names_the_entry_and_field()
    {
        var e = Assert.Throws<ImportException>(() => LiteLlmPriceFile.Read(
            """{"claude-sonnet-4-5": {"litellm_provider": "anthropic", "input_cost_per_token": "cheap", "output_cost_per_token": 1.5e-05}}""",
            "prices.json", Book, out _));
        Assert.Contains("\"claude-sonnet-4-5\": input_cost_per_token", e.Message, StringComparison.Ordinal);
    }
}
