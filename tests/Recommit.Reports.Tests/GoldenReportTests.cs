using System.Text.Json;
using Recommit.Reports.Json;
using Recommit.Reports.Markdown;
using Recommit.Reports.Tests.Fixtures;

namespace Recommit.Reports.Tests;

public class GoldenReportTests
{
    [Fact]
    public void Markdown_report_matches_the_golden_file() =>
        Golden.Verify("report.md", MarkdownReport.Render(SampleAnalysis.Create()));

    [Fact]
    public void Analysis_json_matches_the_golden_file() =>
        Golden.Verify("analysis.json", AnalysisJson.Serialize(SampleAnalysis.Create()));

    [Fact]
    public void Analysis_json_has_the_documented_top_level_keys_and_ledger_period_keys()
    {
        using var doc = JsonDocument.Parse(AnalysisJson.Serialize(SampleAnalysis.Create()));
        var root = doc.RootElement;
        foreach (var key in new[] { "account", "asOf", "priceBookVersion", "contract", "ledger", "gap", "forecast", "levers", "costOfDoingNothing", "simulation", "backtest", "usage", "notes" })
            Assert.True(root.TryGetProperty(key, out _), $"missing top-level key {key}");
        var period = root.GetProperty("ledger").GetProperty("periods")[0];
        var keys = period.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["start", "end", "commitment", "carryIn", "listUsage", "consumedAtCommittedRates", "overageList", "overageBilled", "overagePremium", "shortfall", "carryOut", "forfeited", "bill", "closed"],
            keys.Take(14));
        foreach (var key in new[] { "mean", "p10", "p50", "p90", "overagePremium", "forfeited" })
            Assert.True(root.GetProperty("costOfDoingNothing").TryGetProperty(key, out _), $"missing costOfDoingNothing.{key}");
        foreach (var key in new[] { "baseline", "afterRouting", "afterCaching", "afterBatch" })
            Assert.True(root.GetProperty("levers").TryGetProperty(key, out _), $"missing levers.{key}");
    }

    [Fact]
    public void Gap_class_is_kebab_case_with_evidence_and_sentence()
    {
        using var doc = JsonDocument.Parse(AnalysisJson.Serialize(SampleAnalysis.Create()));
        var gap = doc.RootElement.GetProperty("gap");
        Assert.Equal("durable-overage", gap.GetProperty("class").GetString());
        Assert.Equal(5, gap.GetProperty("evidence").GetProperty("runLength").GetInt32());
        Assert.Equal(8, gap.GetProperty("evidence").GetProperty("months").GetArrayLength());
        Assert.StartsWith("Consumption at committed rates", gap.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal("arrears", doc.RootElement.GetProperty("contract").GetProperty("billing").GetString());
    }

    [Theory]
    [InlineData(Recommit.Gap.GapClass.InsufficientEvidence, "insufficient-evidence")]
    [InlineData(Recommit.Gap.GapClass.DurableOverage, "durable-overage")]
    [InlineData(Recommit.Gap.GapClass.DurableShortfall, "durable-shortfall")]
    [InlineData(Recommit.Gap.GapClass.Seasonal, "seasonal")]
    [InlineData(Recommit.Gap.GapClass.Noise, "noise")]
    [InlineData(Recommit.Gap.GapClass.OnPace, "on-pace")]
    public void Every_gap_class_is_written_as_its_kebab_case_name(Recommit.Gap.GapClass gapClass, string expected)
    {
        var a = SampleAnalysis.Create();
        using var doc = JsonDocument.Parse(AnalysisJson.Serialize(a with { Gap = a.Gap with { Class = gapClass } }));
        Assert.Equal(expected, doc.RootElement.GetProperty("gap").GetProperty("class").GetString());
    }

    [Fact]
    public void Dollars_are_written_rounded_to_the_cent()
    {
        // 291,734.125 rounds half away from zero to 291,734.13; 3,372,120.25 stays; 120,004.004 → 120,004.00.
        var json = AnalysisJson.Serialize(SampleAnalysis.Create());
        using var doc = JsonDocument.Parse(json);
        var cost = doc.RootElement.GetProperty("costOfDoingNothing");
        Assert.Equal(291_734.13m, cost.GetProperty("mean").GetDecimal());
        Assert.Equal(3_372_120.25m, doc.RootElement.GetProperty("levers").GetProperty("afterBatch").GetDecimal());
        var haiku = doc.RootElement.GetProperty("usage").EnumerateArray().Single(r => r.GetProperty("model").GetString() == "claude-haiku-4-5");
        Assert.Equal("120004.00", haiku.GetProperty("listUsd").GetRawText());
    }

    [Fact]
    public void Stream_and_text_writers_write_the_same_json()
    {
        var a = SampleAnalysis.Create();
        using var stream = new MemoryStream();
        AnalysisJson.Write(a, stream);
        using var text = new StringWriter();
        AnalysisJson.Write(a, text);
        Assert.Equal(text.ToString(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
