using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Xunit;
using Recommit.Gap;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Cli.Tests;

/// <summary>
/// The verdict sentence is read beside the report's figures, so it must never point the other way (issue 15.2):
/// the direction of the gap, the sign (and size) of the projected position and which series moved — usage or the
/// commitment — are checked against the evidence for the demo accounts and for generated accounts.
/// </summary>
public partial class VerdictSentenceTests
{
    /// <summary>The evidence a sentence is checked against, as analysis.json gives it.</summary>
    private sealed record Evidence(string Class, string Sentence, double Threshold, IReadOnlyList<GapMonth> Months, decimal? Position);

    [Fact]
    public void Every_demo_verdict_sentence_agrees_with_its_figures()
    {
        var run = CliRun.Of("demo", "--json", "--paths", "1000");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var classes = new List<string>();
        foreach (var account in doc.RootElement.EnumerateArray())
        {
            var gap = account.GetProperty("gap");
            var evidence = gap.GetProperty("evidence");
            var months = evidence.GetProperty("months").EnumerateArray()
                .Select(m => new GapMonth(YearMonth.Parse(m.GetProperty("month").GetString()!), new Usd(m.GetProperty("consumed").GetDecimal()),
                    new Usd(m.GetProperty("pace").GetDecimal()), m.GetProperty("gapRatio").GetDouble())).ToList();
            var position = evidence.GetProperty("projectedPeriodEndPosition") is { ValueKind: JsonValueKind.Number } p ? p.GetDecimal() : (decimal?)null;
            var e = new Evidence(gap.GetProperty("class").GetString()!, gap.GetProperty("sentence").GetString()!, evidence.GetProperty("threshold").GetDouble(), months, position);
            Check(e);
            classes.Add(e.Class);
        }
        // The three demo stories, so the checks above ran on every kind of sentence they tell.
        Assert.Equal(["durable-shortfall", "seasonal", "durable-overage"], classes);
    }

    [Fact]
    public void A_gap_deepened_by_a_commitment_step_names_the_commitment_not_usage()
    {
        // contoso's story: usage flat near $70k, the pace stepping from $100k to $120k a month.
        var months = Enumerable.Range(0, 13).Select(i => (new YearMonth(2025, 10).AddMonths(i), new Usd(70_000m + (i % 3) * 500m), new Usd(i < 6 ? 100_000m : 120_000m)));
        var g = GapClassifier.Classify(GapClassifier.Months(months), new GapProjection(new Usd(-673_000m), new Usd(1_440_000m)));

        Assert.Equal(GapClass.DurableShortfall, g.Class);
        Assert.Equal(GapDriver.Commitment, g.Driver);
        Assert.Contains("commitment's pace stepped up from $100,000 to $120,000 a month while usage held near", g.Sentence, StringComparison.Ordinal);
        Check(new Evidence(g.ClassName, g.Sentence, g.Threshold, g.Months, g.ProjectedPeriodEndPosition?.Value));
    }

    [Fact]
    public void A_seasonal_swing_that_leaves_the_period_over_says_so()
    {
        // fabrikam's story: a swing matching last year's, while the period is heading for a large overage.
        var months = Enumerable.Range(0, 20).Select(i =>
        {
            var m = new YearMonth(2025, 3).AddMonths(i);
            var seasonal = m.Month is 9 or 10 ? 1.3m : 1.0m;
            return (m, new Usd(100_000m * seasonal * (1m + 0.01m * i)), new Usd(i < 12 ? 100_000m : 110_000m));
        });
        var g = GapClassifier.Classify(GapClassifier.Months(months), new GapProjection(new Usd(261_000m), new Usd(1_320_000m)));

        Assert.Equal(GapClass.Seasonal, g.Class);
        Assert.DoesNotContain("not a change", g.Sentence, StringComparison.Ordinal);
        Assert.Contains("ends about $261,000 over the commitment", g.Sentence, StringComparison.Ordinal);
        Check(new Evidence(g.ClassName, g.Sentence, g.Threshold, g.Months, g.ProjectedPeriodEndPosition?.Value));
    }

    [Fact]
    public void An_overage_widened_by_a_pace_step_while_usage_fell_does_not_say_usage_held()
    {
        // Found by the property below: usage falling about 1 % a month (a trend) while the pace stepped down further.
        Every_generated_verdict_sentence_agrees_with_its_figures(PositiveInt.NewPositiveInt(1), 65, 20, -10, 21, true);
        var months = Enumerable.Range(0, 12).Select(i => (new YearMonth(2025, 1).AddMonths(i), new Usd(100_000m * (1m - 0.01m * i)), new Usd(70_000m * (1m - 0.03m * i))));
        var g = GapClassifier.Classify(GapClassifier.Months(months), new GapProjection(new Usd(200_000m), new Usd(600_000m)));

        Assert.Equal(GapClass.DurableOverage, g.Class);
        Assert.Equal(GapDriver.Commitment, g.Driver);
        Assert.Contains("because the commitment's pace stepped down from $70,000 to $46,900 a month, by a larger share than usage fell", g.Sentence, StringComparison.Ordinal);
        Check(new Evidence(g.ClassName, g.Sentence, g.Threshold, g.Months, g.ProjectedPeriodEndPosition?.Value));
    }

    [Property(MaxTest = 400)]
    public void Every_generated_verdict_sentence_agrees_with_its_figures(PositiveInt seed, byte lengthByte, byte stepsByte, sbyte trendByte, sbyte positionByte, bool withProjection)
    {
        // A generated account: 3–30 months, a ramp of up to three commitment steps, usage with a drift and noise,
        // and a projected position anywhere from a deep shortfall to a large overage.
        var random = new Random(seed.Get);
        var n = 3 + lengthByte % 28;
        var steps = stepsByte % 3;
        var basePace = 50_000m + random.Next(0, 100_000);
        var stepAt = Enumerable.Range(0, steps).Select(_ => random.Next(1, n)).ToHashSet();
        var drift = trendByte / 1000.0;
        var level = (double)basePace * (0.5 + random.NextDouble());
        var pace = basePace;
        var months = new List<(YearMonth, Usd, Usd)>();
        for (var i = 0; i < n; i++)
        {
            if (stepAt.Contains(i)) pace = Math.Max(1_000m, pace * (decimal)(0.6 + 0.8 * random.NextDouble()));
            level *= 1 + drift + 0.03 * (random.NextDouble() - 0.5);
            months.Add((new YearMonth(2024, 1).AddMonths(i), new Usd(Math.Round((decimal)Math.Max(0, level), 2)), new Usd(Math.Round(pace, 2))));
        }
        var commitment = pace * 12;
        GapProjection? projection = withProjection ? new GapProjection(new Usd(commitment * positionByte / 200m), new Usd(commitment)) : null;

        var g = GapClassifier.Classify(GapClassifier.Months(months), projection);

        Check(new Evidence(g.ClassName, g.Sentence, g.Threshold, g.Months, g.ProjectedPeriodEndPosition?.Value));
    }

    /// <summary>Fails when the sentence says something its own evidence contradicts.</summary>
    private static void Check(Evidence e)
    {
        var s = e.Sentence;
        var last = e.Months.Count == 0 ? 0.0 : e.Months[^1].GapRatio;

        // Direction of the gap: "above/below the commitment's pace" follows the last month's gap.
        if (s.Contains("above the commitment's pace", StringComparison.Ordinal)) Assert.True(last > 0, $"says above pace, last gap {last}: {s}");
        if (s.Contains("below the commitment's pace", StringComparison.Ordinal)) Assert.True(last < 0, $"says below pace, last gap {last}: {s}");
        if (e.Class is "durable-overage") Assert.Contains("above the commitment's pace", s, StringComparison.Ordinal);
        if (e.Class is "durable-shortfall") Assert.Contains("below the commitment's pace", s, StringComparison.Ordinal);

        // The projected position: its sign, its size (three significant figures) and whether it is beyond τ.
        Assert.DoesNotContain("not a change", s, StringComparison.Ordinal);
        if (e.Position is { } pos)
        {
            var amount = new Usd(Math.Abs(pos)).ToSignificant(3).ToShortString();
            if (s.Contains("over the commitment, billed as overage", StringComparison.Ordinal))
                Assert.True(pos > 0 && s.Contains($"about {amount} over", StringComparison.Ordinal), $"position {pos}: {s}");
            if (s.Contains("commitment goes unused", StringComparison.Ordinal))
                Assert.True(pos < 0 && s.Contains($"about {amount} of the current period", StringComparison.Ordinal), $"position {pos}: {s}");
            if (s.Contains("ends within", StringComparison.Ordinal))
                Assert.Contains($"({amount} {(pos >= 0 ? "over" : "short")})", s, StringComparison.Ordinal);
            if (e.Class is "durable-overage") Assert.True(pos > 0, $"durable overage with position {pos}");
            if (e.Class is "durable-shortfall") Assert.True(pos < 0, $"durable shortfall with position {pos}");
            if (e.Class is not "durable-overage" and not "durable-shortfall")
                Assert.Matches(PositionClause(), s);
            if (s.Contains("no gap to act on", StringComparison.Ordinal)) Assert.Contains("ends within", s, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("at this rate", s, StringComparison.Ordinal);
        }

        // Which series moved: the pace's step and the usage trend named must be in the months.
        if (e.Months.Count == 0) return;
        var firstPace = e.Months[0].Pace.Value;
        var lastPace = e.Months[^1].Pace.Value;
        if (s.Contains("pace stepped up", StringComparison.Ordinal)) Assert.True(lastPace > firstPace, s);
        if (s.Contains("pace stepped down", StringComparison.Ordinal)) Assert.True(lastPace < firstPace, s);
        var usage = TrendTest.Of([.. e.Months.Select(m => (double)m.Consumed.Value)]);
        if (s.Contains("usage rises", StringComparison.Ordinal)) Assert.True(usage is { S: > 0, PValue: < 0.10 }, s);
        if (s.Contains("usage falls", StringComparison.Ordinal)) Assert.True(usage is { S: < 0, PValue: < 0.10 }, s);
        if (s.Contains("usage held near", StringComparison.Ordinal))
        {
            Assert.True(lastPace != firstPace, s);
            var level = e.Months.Select(m => (double)m.Consumed.Value).Order().ElementAt(e.Months.Count / 2);
            Assert.True(usage is not { PValue: < 0.10 } u || Math.Abs(u.TheilSenSlope * (e.Months.Count - 1)) <= e.Threshold * level, s);
        }
        // "By a larger share": the pace's change from the first month to the last is, in proportion, past usage's.
        var firstRatio = (double)e.Months[0].Consumed.Value / (double)firstPace;
        var lastRatio = (double)e.Months[^1].Consumed.Value / (double)lastPace;
        if (s.Contains("usage fell (Mann", StringComparison.Ordinal))
            Assert.True(usage is { S: < 0, PValue: < 0.10 } && lastPace < firstPace, s);
        if (s.Contains("usage rose (Mann", StringComparison.Ordinal))
            Assert.True(usage is { S: > 0, PValue: < 0.10 } && lastPace > firstPace, s);
        if (s.Contains("by a larger share than usage fell", StringComparison.Ordinal)) Assert.True(lastRatio > firstRatio, s);
        if (s.Contains("by a larger share than usage rose", StringComparison.Ordinal)) Assert.True(lastRatio < firstRatio, s);
        // A widening gap is attributed only to what moved in its direction.
        if (e.Class is "durable-shortfall" && s.Contains("pace stepped down", StringComparison.Ordinal)) Assert.Fail(s);
        if (e.Class is "durable-overage" && s.Contains("pace stepped up", StringComparison.Ordinal)) Assert.Fail(s);
    }

    [GeneratedRegex(@"at this rate \(P50, before levers\) (the current period ends (about \$[\d,.]+ over the commitment|within [\d.]+% of its commitment \(\$[\d,.]+ (over|short)\))|about \$[\d,.]+ of the current period's commitment goes unused)")]
    private static partial Regex PositionClause();
}
