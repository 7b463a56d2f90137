using System.Text.Json.Nodes;
using Json.Schema;
using Recommit.Analysis.Notes;
using Recommit.Contracts;
using Recommit.Reports.Json;
using Recommit.Reports.Tests.Fixtures;
using Recommit.Time;

namespace Recommit.Reports.Tests;

/// <summary>
/// The published schemas docs/schemas/analysis.schema.json and ledger.schema.json against what the writers produce.
/// Every object in them is closed (no additional properties, every property required), so adding, renaming or
/// removing a key of a document without changing the schema fails here.
/// </summary>
public class AnalysisSchemaTests
{
    private static string SchemaDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) return Path.Combine(dir.FullName, "docs", "schemas");
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    private static readonly Lazy<(JsonSchema Analysis, EvaluationOptions Options)> Schemas = new(() =>
    {
        var options = new EvaluationOptions { ValidateAgainstMetaSchema = true, OutputFormat = OutputFormat.List };
        var ledger = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDir, "ledger.schema.json")));
        options.SchemaRegistry.Register(ledger);
        return (JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDir, "analysis.schema.json"))), options);
    });

    internal static string Problems(string json)
    {
        var (schema, options) = Schemas.Value;
        var result = schema.Evaluate(JsonNode.Parse(json), options);
        if (result.IsValid) return "";
        return string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
    }

    internal static void AssertValid(string json)
    {
        var problems = Problems(json);
        Assert.True(problems.Length == 0, problems);
    }

    /// <summary>One note of every kind there is; a new kind must be added here, to its wording and to the schema's codes.</summary>
    private static readonly AnalysisNote[] EveryNote =
    [
        new AssumedTokenMixNote(true), new ShortHistoryNote(8), new SeriesWarningNote("sonnet × input", "only 5 point(s) of history"),
        new MonthsCountedNote(new YearMonth(2026, 10), new DateOnly(2026, 11, 24), false, new DateOnly(2026, 11, 25)), new TermEndedNote(new YearMonth(2026, 9)),
        new ClosedPeriodsSunkNote(1, new YearMonth(2026, 11)), new ModelRetiredNote("claude-opus-4-1", new DateOnly(2027, 3, 1)),
        new GivenFutureNote(), new ShockCorrelationNote(0.5, 0), new NoBacktestNote(7, 9), new IntervalsWidenedNote(1.5, 0.6, 0.9),
        new LeverWithoutUsageNote("route", "claude-haiku-4-5"), new LeversAppliedNote(3), new PriceBookNote("2026-11-24"),
    ];

    /// <summary>The sample analysis with Example 7's quote, so the quote's keys are checked too.</summary>
    private static Analysis.AnalysisResult WithQuote => SampleAnalysis.Create() with { Quote = QuoteSectionTests.Example7("Package A") };

    [Fact]
    public void The_sample_analysis_matches_the_schema() =>
        AssertValid(AnalysisJson.Serialize(SampleAnalysis.Create()));

    [Fact]
    public void Hostile_text_and_a_missing_backtest_still_match_the_schema()
    {
        AssertValid(AnalysisJson.Serialize(SampleAnalysis.Hostile()));
        AssertValid(AnalysisJson.Serialize(SampleAnalysis.Create() with { Backtest = null }));
    }

    [Fact]
    public void Every_kind_of_note_has_wording_figures_and_a_code_the_schema_knows()
    {
        var kinds = typeof(AnalysisNote).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AnalysisNote)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(kinds, EveryNote.Select(n => n.GetType()).ToHashSet());
        var a = SampleAnalysis.Create();
        var json = AnalysisJson.Serialize(a with { Notes = [.. EveryNote], Forecast = a.Forecast with { Warnings = [.. EveryNote] } });
        AssertValid(json);
        Assert.All(EveryNote, n => Assert.False(string.IsNullOrWhiteSpace(NoteText.Of(n))));
    }

    [Theory]
    [InlineData("$", "generatedBy")]
    [InlineData("$.ledger.periods[0]", "extra")]
    [InlineData("$.gap.evidence", "extra")]
    [InlineData("$.notes[0].figures", "")]
    [InlineData("$.rates", "extra")]
    [InlineData("$.rates.months[0]", "extra")]
    [InlineData("$.quote", "extra")]
    [InlineData("$.quote.windows[0]", "extra")]
    [InlineData("$.quote.gainshareWindow.fee", "extra")]
    public void A_key_the_schema_does_not_name_is_refused(string path, string key)
    {
        var node = JsonNode.Parse(AnalysisJson.Serialize(WithQuote))!;
        Assert.Equal("", Problems(node.ToJsonString()));
        var target = Find(node, path);
        if (key.Length == 0) target["extra"] = new JsonArray();
        else target[key] = 1;
        Assert.NotEqual("", Problems(node.ToJsonString()));
    }

    [Theory]
    [InlineData("$", "notes")]
    [InlineData("$.ledger.months[0]", "periodIndex")]
    [InlineData("$.costOfDoingNothing", "p50")]
    [InlineData("$.forecast.months[0]", "actual")]
    [InlineData("$.rates", "utilisationToDate")]
    [InlineData("$.rates.months[0]", "effectiveSavingsRate")]
    [InlineData("$.quote", "favours")]
    [InlineData("$.quote.windows[0]", "probabilityNoFee")]
    public void A_key_the_schema_names_cannot_go_missing(string path, string key)
    {
        var node = JsonNode.Parse(AnalysisJson.Serialize(WithQuote))!;
        Find(node, path).AsObject().Remove(key);
        Assert.NotEqual("", Problems(node.ToJsonString()));
    }

    [Fact]
    public void Rate_ratios_are_written_to_six_decimal_places()
    {
        var month = new RateMonth(new YearMonth(2025, 10), new Money.Usd(85_341.35m), new Money.Usd(68_273.08m), new Money.Usd(75_000m),
            new Money.Usd(68_273.08m), 68_273.08m / 75_000m, 0.2m);
        var document = RatesDocument.Of(new CommitmentRates([month], 0.9103077086603733333333333333m, -0.0000005m));

        Assert.Equal(0.910308m, document.UtilisationToDate);
        Assert.Equal(-0.000001m, document.EffectiveSavingsRateToDate); // half away from zero
        Assert.Equal(0.910308m, document.Months[0].Utilisation);
        Assert.Equal(0.2m, document.Months[0].EffectiveSavingsRate);
        Assert.Null(RatesDocument.Of(new CommitmentRates([month with { Utilisation = null }], null, null)).Months[0].Utilisation);
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.').Skip(1))
        {
            var name = part.Split('[')[0];
            node = node[name]!;
            if (part.Contains('[', StringComparison.Ordinal)) node = node[int.Parse(part.Split('[')[1].TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture)]!;
        }
        return node;
    }
}
