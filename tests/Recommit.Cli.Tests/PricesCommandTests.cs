using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary><c>recommit prices list|diff|import|crosscheck</c> end to end.</summary>
public sealed class PricesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-prices-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = RecommitCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The importer tests' LiteLLM-shaped file (tests/Recommit.Import.Tests/fixtures/prices/litellm.json).</summary>
    private static string LiteLlmFixture() => Repository.PathOf("tests", "Recommit.Import.Tests", "fixtures", "prices", "litellm.json");

    [Fact]
    public void Diff_json_shows_the_sonnet_5_5_cache_read_cut_as_one_entry()
    {
        var (code, output, error) = Run("prices", "diff", "--from", "2026-10-01", "--to", "2026-10-31", "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var sonnet = doc.RootElement.GetProperty("moves").EnumerateArray()
            .Where(m => m.GetProperty("model").GetString() == "claude-sonnet-5-5").ToList();
        var move = Assert.Single(sonnet);
        Assert.Equal("rate-change", move.GetProperty("kind").GetString());
        Assert.Equal("cache_read", move.GetProperty("rate").GetString());
        Assert.Equal(0.2m, move.GetProperty("old").GetDecimal());
        Assert.Equal(0.1m, move.GetProperty("new").GetDecimal());
        Assert.Equal(-50m, move.GetProperty("changePercent").GetDecimal());
        Assert.Equal("2026-10-07", move.GetProperty("effective").GetString());
    }

    [Fact]
    public void Diff_table_counts_the_moves_it_shows()
    {
        var (code, output, _) = Run("prices", "diff", "--from", "2026-10-01", "--to", "2026-10-31");

        Assert.Equal(0, code);
        Assert.Contains("cache_read", output, StringComparison.Ordinal);
        Assert.Contains("$0.20", output, StringComparison.Ordinal);
        Assert.Contains("$0.10", output, StringComparison.Ordinal);
        Assert.Contains("-50 %", output, StringComparison.Ordinal);
        Assert.Contains("1 new model(s)", output, StringComparison.Ordinal);
        Assert.Contains("1 rate cut(s), 0 rate increase(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_the_rates_in_force_on_the_day()
    {
        var (_, before, _) = Run("prices", "list", "--as-of", "2026-10-06", "--json");
        var (_, after, _) = Run("prices", "list", "--as-of", "2026-10-07", "--json");

        static decimal CacheRead(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("models").EnumerateArray()
                .Single(m => m.GetProperty("model").GetString() == "claude-sonnet-5-5").GetProperty("rates").GetProperty("cache_read").GetDecimal();
        }
        Assert.Equal(0.2m, CacheRead(before));
        Assert.Equal(0.1m, CacheRead(after));
    }

    [Fact]
    public void Import_writes_a_price_book_file_that_price_reads_with_prices()
    {
        var litellm = LiteLlmFixture();
        var target = Path.Combine(_dir, "litellm.pricebook.json");

        var (code, output, error) = Run("prices", "import", litellm, "--effective", "2026-08-01", "--name", "litellm", "--out", target, "--json");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(target));
        Assert.Contains("5 Claude price row(s) read, 2 other row(s) passed over; 1 new price entry, 1 unchanged, 1 model name(s)", error, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(output))
            Assert.Equal("input", doc.RootElement.GetProperty("moves")[0].GetProperty("rate").GetString());

        var usage = Write("usage.csv", "date,model,token_kind,tokens\n2026-08-05,claude-haiku-4-5,uncached_input,10000000\n");
        var (priceCode, priced, priceError) = Run("price", "--usage", usage, "--prices", target);
        Assert.True(priceCode == 0, priceError);
        Assert.Contains("Grand total at list: $12.00 (price book 2026-11-24+litellm)", priced, StringComparison.Ordinal);
    }

    [Fact]
    public void Crosscheck_names_the_disagreeing_rate()
    {
        var litellm = LiteLlmFixture();

        var (code, output, _) = Run("prices", "crosscheck", litellm, "--as-of", "2026-11-01");

        Assert.Equal(0, code);
        Assert.Contains("anthropic/claude-haiku-4-5", output, StringComparison.Ordinal);
        Assert.Contains("1 disagreement(s) over 5 Claude row(s); 1 name(s) the price book does not know: claude-imaginary-9.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff", "--from", "October")]
    [InlineData("diff", "--from", "2026-10-31", "--to", "2026-10-01")]
    [InlineData("list", "--as-of", "2026-13-01")]
    public void Bad_dates_exit_2_with_one_line(params string[] args)
    {
        var (code, _, error) = Run(["prices", .. args]);
        Assert.Equal(2, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_missing_file_exits_2_and_writes_nothing()
    {
        var (code, _, error) = Run("prices", "import", Path.Combine(_dir, "nope.json"), "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(2, code);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "x.json")));
    }
}
