using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary><c>recommit price</c> end to end on temporary canonical usage files.</summary>
public sealed class PriceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-price-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>docs/method.md Example 1 in August, plus a batch output line and web searches in September.</summary>
    private const string Usage = """
        date,model,token_kind,tokens,service_tier
        2026-08-05,claude-sonnet-4-5-20250929,uncached_input,10000000,
        2026-08-05,Claude Sonnet 4.5,cache_write_5m,2000000,
        2026-08-20,claude-sonnet-4-5,cache_read,30000000,standard
        2026-08-31,claude-sonnet-4-5,output,1500000,
        2026-09-01,claude-sonnet-4-5,output,1500000,batch
        2026-09-02,claude-haiku-4-5,web_search,12,
        2026-09-02,claude-haiku-4-5,not_a_kind,12,
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = RecommitCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Table_shows_monthly_totals_the_grand_total_and_the_price_book_version()
    {
        var (code, output, error) = Run("price", "--usage", Write("usage.csv", Usage));
        Assert.Equal(0, code);
        Assert.Contains("price book 2026-11-24", output, StringComparison.Ordinal);
        Assert.Contains("2026-08 total", output, StringComparison.Ordinal);
        Assert.Contains("$69.00", output, StringComparison.Ordinal);
        Assert.Contains("$11.37", output, StringComparison.Ordinal);
        Assert.Contains("cache_write_5m", output, StringComparison.Ordinal);
        Assert.Contains("Grand total at list: $80.37 (price book 2026-11-24)", output, StringComparison.Ordinal);
        Assert.Contains("7 rows read, 6 accepted, 1 rejected", error, StringComparison.Ordinal);
        Assert.Contains("not_a_kind", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_names_the_version_and_rounds_dollars_to_cents()
    {
        var (code, output, _) = Run("price", "--usage", Write("usage.csv", Usage), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("2026-11-24", root.GetProperty("priceBookVersion").GetString());
        Assert.Equal(80.37m, root.GetProperty("total").GetDecimal());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var read = rows.Single(r => r.GetProperty("tokenKind").GetString() == "cache_read");
        Assert.Equal("2026-08", read.GetProperty("month").GetString());
        Assert.Equal("claude-sonnet-4-5", read.GetProperty("model").GetString());
        Assert.Equal(30_000_000, read.GetProperty("tokens").GetInt64());
        Assert.Equal(9.00m, read.GetProperty("listUsd").GetDecimal());
        var september = root.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-09");
        Assert.Equal(11.37m, september.GetProperty("listUsd").GetDecimal());
    }

    [Fact]
    public void Unknown_model_exits_2_naming_the_model()
    {
        var (code, output, error) = Run("price", "--usage", Write("usage.csv", "date,model,token_kind,tokens\n2026-08-05,gpt-4o,output,100\n"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("unknown model 'gpt-4o'", error, StringComparison.Ordinal);
        Assert.Contains("models not in the price book: gpt-4o", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_price_book_adds_a_model_and_is_named_in_the_version()
    {
        var prices = Write("prices.json", """
            { "version": "acme-1", "models": [ { "id": "acme-model-1", "displayName": "Acme Model 1", "family": "acme", "tokenizerGeneration": 1,
              "prices": [ { "effective": null, "source": "contract", "standard": { "input": 1, "cacheWrite5m": 1.25, "cacheWrite1h": 2, "cacheRead": 0.1, "output": 4 } } ] } ] }
            """);
        var usage = Write("usage.csv", "date,model,token_kind,tokens\n2026-08-05,Acme Model 1,output,2500000\n");
        var (code, output, _) = Run("price", "--usage", usage, "--prices", prices, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2026-11-24+acme-1", doc.RootElement.GetProperty("priceBookVersion").GetString());
        Assert.Contains("\"priceBookVersion\": \"2026-11-24+acme-1\"", output, StringComparison.Ordinal);
        Assert.Equal(10.00m, doc.RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void A_broken_price_book_exits_2_naming_the_file_and_field()
    {
        var prices = Write("prices.json", """{ "version": "acme-1", "models": [ { "id": "acme-model-1", "displayName": "A", "family": "acme", "tokenizerGeneration": 1, "prices": [ { "effective": null, "source": "s", "standard": { "input": "one" } } ] } ] }""");
        var (code, _, error) = Run("price", "--usage", Write("usage.csv", Usage), "--prices", prices);
        Assert.Equal(2, code);
        Assert.Contains("prices.json: $.models[0].prices[0].standard.input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_usage_file_exits_2()
    {
        var (code, _, error) = Run("price", "--usage", Path.Combine(_dir, "nope.csv"));
        Assert.Equal(2, code);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_combination_exits_2_naming_it()
    {
        var usage = Write("usage.csv", "date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed\n2026-08-05,claude-opus-5-5,output,10,batch,standard,anthropic,,global,fast\n");
        var (code, _, error) = Run("price", "--usage", usage);
        Assert.Equal(2, code);
        Assert.Contains("fast mode is not offered with the Batch API", error, StringComparison.Ordinal);
    }
}
