using Recommit.Import.Formats;

namespace Recommit.Import.Tests;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("console-usage.csv", "console-usage")]
    [InlineData("console-cost.csv", "console-cost")]
    [InlineData("focus.csv", "focus")]
    [InlineData("bedrock-cur.csv", "bedrock-cur")]
    [InlineData("vertex.csv", "vertex")]
    [InlineData("gateway.csv", "gateway")]
    [InlineData("gateway.jsonl", "gateway")]
    public void Format_is_detected_from_the_content(string fixture, string format) =>
        Assert.Equal(format, UsageFormats.Detect(Fixtures.Path(fixture)).Name);

    [Fact]
    public void Parquet_format_is_detected_from_its_schema()
    {
        Assert.Equal("gateway", UsageFormats.Detect(GatewayLogTests.ToParquet(Fixtures.Path("gateway.csv"))).Name);
        Assert.Equal("focus", UsageFormats.Detect(GatewayLogTests.ToParquet(Fixtures.Path("focus.csv"))).Name);
    }

    [Fact]
    public void Canonical_and_spend_csvs_are_detected()
    {
        Assert.Equal("usage", UsageFormats.Detect(Fixtures.Temp("date,model,token_kind,tokens\n2026-08-05,claude-opus-5,output,1\n")).Name);
        Assert.Equal("spend", UsageFormats.Detect(Fixtures.Temp("month,model,list_usd\n2026-08,opus,100\n")).Name);
    }

    [Fact]
    public void Unrecognised_content_is_refused_with_the_columns_seen_and_the_format_names()
    {
        var e = Assert.Throws<ImportException>(() => UsageFormats.Detect(Fixtures.Temp("a,b,c\n1,2,3\n")));
        Assert.Contains("a, b, c", e.Message, StringComparison.Ordinal);
        Assert.Contains("--format", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_api_formats_are_listed_and_refuse_a_file_that_is_not_their_page()
    {
        foreach (var name in new[] { "usage-report", "analytics-usage", "cost-report", "analytics" }) Assert.Contains(name, UsageFormats.Names);
        var e = Assert.Throws<ImportException>(() => UsageFormats.Find("analytics").Read(Fixtures.Temp("{}", ".json"), ImportOptions.Default));
        Assert.Contains("analytics", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_refused_naming_it()
    {
        var path = Fixtures.Temp("");
        var e = Assert.Throws<ImportException>(() => UsageFormats.Detect(path));
        Assert.Equal(path, e.File);
    }
}
