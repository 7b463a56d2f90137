using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Analysis.Notes;
using Recommit.Contracts;
using Recommit.Gap;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Tests.Fixtures;

/// <summary>
/// A hand-built analysis with consistent figures: a $1.2M-a-year commitment at 20 % off list, eight full months whose
/// list usage follows docs/method.md Example 2 (110k … 185k), a durable overage of five months, and a growing forecast.
/// </summary>
public static class SampleAnalysis
{
    private static readonly YearMonth Start = new(2026, 3);
    private const decimal Discount = 0.20m;
    private const decimal Commitment = 1_200_000m;

    public static AnalysisResult Create()
    {
        var contract = new Contract("Northwind Traders MSA 2026", Start,
            [new CommitmentPeriod(12, new Usd(Commitment)), new CommitmentPeriod(12, new Usd(Commitment))],
            Discount, 0m, CarryoverRule.None, BillingMode.Arrears, false);

        decimal[] list = [110_000m, 118_000m, 125_000m, 140_000m, 150_000m, 160_000m, 170_000m, 185_000m];
        var pace = Commitment / 12m;
        var months = ImmutableArray.CreateBuilder<MonthResult>();
        var gapMonths = ImmutableArray.CreateBuilder<GapMonth>();
        decimal cumConsumed = 0m, cumPace = 0m, listTotal = 0m;
        for (var i = 0; i < list.Length; i++)
        {
            var consumed = list[i] * (1m - Discount);
            cumConsumed += consumed;
            cumPace += pace;
            listTotal += list[i];
            var month = Start.AddMonths(i);
            months.Add(new MonthResult(month, 0, new Usd(list[i]), new Usd(consumed), new Usd(pace), new Usd(cumConsumed), new Usd(cumPace), Usd.Zero, new Usd(consumed)));
            gapMonths.Add(new GapMonth(month, new Usd(consumed), new Usd(pace), (double)(consumed / pace) - 1.0));
        }
        var period = new PeriodResult(Start, Start.AddMonths(11), new Usd(Commitment), Usd.Zero, new Usd(listTotal), new Usd(cumConsumed),
            Usd.Zero, Usd.Zero, Usd.Zero, Usd.Zero, Usd.Zero, Usd.Zero, new Usd(cumConsumed), false);
        var ledger = new LedgerResult([period], months.ToImmutable());

        var gap = new GapAssessment(GapClass.DurableOverage, "durable-overage", 5, 0.10, gapMonths.ToImmutable(),
            26, 0.0019, 0.085, null, new Usd(386_400m), "high", new YearMonth(2026, 12),
            "Consumption at committed rates has run above the commitment's pace for 5 straight months and is still rising; " +
            "at this rate the first period ends about $386,400 over its commitment, billed at list.");

        var forecast = ImmutableArray.CreateBuilder<ForecastMonth>();
        for (var i = 0; i < list.Length; i++)
        {
            var a = new Usd(list[i]);
            forecast.Add(new ForecastMonth(Start.AddMonths(i), a, a, a, a, a, a, a));
        }
        for (var i = 0; i < 16; i++)
        {
            var month = new YearMonth(2026, 11).AddMonths(i);
            var p50 = 195_000m + 10_000m * i;
            var p10 = p50 * (0.90m - 0.01m * i);
            var p90 = p50 * (1.10m + 0.015m * i);
            // Levers start in 2026-12 and ramp to a 25 % saving over three months.
            var saving = Math.Min(1m, Math.Max(0m, i - 1) / 3m) * 0.25m;
            forecast.Add(new ForecastMonth(month, null, new Usd(p10), new Usd(p50), new Usd(p90),
                new Usd(p10 * (1m - saving)), new Usd(p50 * (1m - saving)), new Usd(p90 * (1m - saving))));
        }
        var forecastSection = new ForecastSection("combination (ETS, Theta, drift)", forecast.ToImmutable(),
            [new ShortHistoryNote(8)]);

        var levers = new LeverWaterfall(new YearMonth(2026, 12), new YearMonth(2028, 2),
            new Usd(4_485_000m), new Usd(4_036_500m), new Usd(3_591_985.5m), new Usd(3_372_120.25m), false)
        {
            Kinds = [LeverKind.Routing, LeverKind.Caching, LeverKind.Batch],
            CostWithoutLevers = new Usd(512_300.5m),
        };

        var percentiles = ImmutableArray.CreateRange(Enumerable.Range(0, 21).Select(i => new Usd(120_000m + 9_000m * i + 400m * i * i)));
        var cost = new CostOfDoingNothing(new Usd(291_734.125m), new Usd(208_400m), new Usd(284_000m), new Usd(378_400m),
            new Distribution(new Usd(291_734.125m), new Usd(208_400m), new Usd(284_000m), new Usd(378_400m)),
            new Distribution(Usd.Zero, Usd.Zero, Usd.Zero, Usd.Zero), percentiles);

        var simulation = new SimulationSummary(10_000, 42UL, new YearMonth(2026, 11), new YearMonth(2028, 2),
            new Distribution(new Usd(2_891_734.125m), new Usd(2_808_400m), new Usd(2_884_000m), new Usd(2_978_400m)),
            cost.OveragePremium, cost.Forfeited, 0.0, 0.9987);

        var backtest = new BacktestSummary(4, 3, 8.7, 0.62, 0.83, 0.92, "Short history: origins from month 5.");

        ImmutableArray<UsageBreakdownRow> usage =
        [
            new("support-bot", "claude-sonnet-4-6", new Usd(512_345.678m)),
            new("research", "claude-opus-4-6", new Usd(398_000.5m)),
            new("", "claude-haiku-4-5", new Usd(120_004.004m)),
            new("research", "claude-sonnet-4-6", new Usd(127_649.818m)),
        ];

        return new AnalysisResult("Northwind Traders", new DateOnly(2026, 11, 25), "2026-11-01", contract, ledger, gap,
            forecastSection, levers, cost, simulation, backtest, usage,
            [new ShortHistoryNote(8), new MonthsCountedNote(new YearMonth(2026, 10), new DateOnly(2026, 11, 24), false, new DateOnly(2026, 11, 25)),
             new IntervalsWidenedNote(1.35, 0.70, 0.88), new PriceBookNote("2026-11-01")]);
    }

    public const string ScriptTag = "<script>alert(1)</script>";
    public const string ImgOnError = "\"><img src=x onerror=alert(1)>";

    /// <summary>The sample with hostile text in every untrusted field (docs/quality.md R5).</summary>
    public static AnalysisResult Hostile()
    {
        var a = Create();
        return a with
        {
            Account = ScriptTag,
            Contract = a.Contract with { Name = ImgOnError },
            Gap = a.Gap with { Sentence = "Sentence " + ScriptTag },
            Forecast = a.Forecast with { Method = ImgOnError, Warnings = [new SeriesWarningNote(ScriptTag, ScriptTag)] },
            Usage = [new(ScriptTag, ImgOnError, new Usd(10m)), new(ImgOnError, "<b>bold</b> [x](javascript:alert(1)) | pipe", new Usd(5m))],
            Notes = [new SeriesWarningNote(ScriptTag, ImgOnError), new LeverWithoutUsageNote("<iframe src=\"https://evil.example\"></iframe>", ScriptTag)],
            Backtest = a.Backtest! with { Note = ScriptTag },
        };
    }
}
