using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Statistics;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Gap;

/// <summary>
/// Classifies the gap between consumption and the commitment's pace as insufficient evidence, on pace, seasonal,
/// durable overage, durable shortfall or noise, by the first rule of docs/method.md §3 that applies, with its evidence, a
/// confidence label, the month after which to check again, and one plain sentence a buyer can repeat to a CFO.
/// </summary>
public static class GapClassifier
{
    /// <summary>The default threshold τ: a month is beyond pace when its gap exceeds 10 % in size.</summary>
    public const double DefaultThreshold = 0.10;

    /// <summary>Gap months from consumption at committed rates and pace; months with no pace (outside the term) are left out.</summary>
    public static ImmutableArray<GapMonth> Months(IEnumerable<(YearMonth Month, Usd Consumed, Usd Pace)> months) =>
        [.. months.Where(m => m.Pace.Value > 0m).OrderBy(m => m.Month)
            .Select(m => new GapMonth(m.Month, m.Consumed, m.Pace, (double)(m.Consumed.Value / m.Pace.Value) - 1.0))];

    /// <summary>
    /// Classifies <paramref name="months"/> (the full months before the as-of date, oldest first). The durable rules
    /// need <paramref name="projection"/>, the P50 reforecast of the current period's end position; without it a run
    /// of 3 or more is reported as noise with a note that no reforecast was available.
    /// </summary>
    public static GapAssessment Classify(IReadOnlyList<GapMonth> months, GapProjection? projection, double threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        var ms = months.OrderBy(m => m.Month).ToImmutableArray();
        var n = ms.Length;
        var tau = threshold;
        var trend = TrendTest.Of([.. ms.Select(m => m.GapRatio)]);
        var pct = tau.ToString("0.#%", CultureInfo.InvariantCulture);

        GapAssessment Make(GapClass cls, int k, double? g, string confidence, YearMonth? next, string sentence) =>
            new(cls, Name(cls), k, tau, ms, trend?.S, trend?.PValue, trend?.TheilSenSlope, g, projection?.PeriodEndPosition, confidence, next, sentence);

        var position = PositionClause(projection, tau, pct);
        if (n < 3)
        {
            YearMonth? next = n == 0 ? null : ms[^1].Month.AddMonths(3 - n);
            return Make(GapClass.InsufficientEvidence, RunLength(ms, tau), null, "low", next,
                $"Only {Plural(n, "full month")} of usage against the commitment so far: too early to tell a lasting gap from a passing one{(position.Length > 0 ? $"; {position}" : "")}{(next is { } m ? $"; check again once {Long(m)} has closed" : "")}.");
        }

        var last = ms[^1].Month;
        var k = RunLength(ms, tau);
        var sign = k == 0 ? 0 : Math.Sign(ms[^1].GapRatio);
        var lastThree = ms.Skip(n - 3).ToArray();
        if (lastThree.All(m => Math.Abs(m.GapRatio) <= tau))
        {
            var worst = lastThree.Max(m => Math.Abs(m.GapRatio));
            var beyond = projection is { } pr && Beyond(pr, tau);
            return Make(GapClass.OnPace, 0, null, n >= 6 ? "high" : "medium", last.AddMonths(3),
                $"Consumption has stayed within {pct} of the commitment's pace for the last three months (largest gap {Percent(worst)})" +
                (beyond ? $", but the earlier months still weigh on this period: {position}." : position.Length > 0 ? $"; {position}: there is no gap to act on." : ": there is no gap to act on."));
        }

        var run = ms.Skip(n - k).ToArray();
        double? growth = null;
        if (n >= 15 && k >= 1)
        {
            var byMonth = ms.ToDictionary(m => m.Month.Ordinal);
            var runMonths = run.Select(m => m.Month.Ordinal).ToHashSet();
            var ratios = ms.Where(m => !runMonths.Contains(m.Month.Ordinal) && byMonth.TryGetValue(m.Month.Ordinal - 12, out var prior) && prior.Consumed.Value > 0m)
                .Select(m => (double)(m.Consumed.Value / byMonth[m.Month.Ordinal - 12].Consumed.Value)).ToList();
            var g = ratios.Count == 0 ? 1.0 : ratios.Median();
            growth = g;
            var compared = 0;
            var seasonal = true;
            foreach (var m in run)
            {
                if (!byMonth.TryGetValue(m.Month.Ordinal - 12, out var prior)) continue;
                compared++;
                var expected = g * (double)prior.Consumed.Value;
                if (expected <= 0 || Math.Abs((double)m.Consumed.Value / expected - 1) > tau) { seasonal = false; break; }
            }
            if (seasonal && compared > 0)
            {
                var next = SeasonEnd(ms, last, tau, sign);
                var avg = run.Average(m => m.GapRatio);
                var effect = projection is not { } sp ? ""
                    : Beyond(sp, tau) ? $", but it does not even out within this period: {position}"
                    : $", and over the whole period it evens out: {position}";
                return Make(GapClass.Seasonal, k, growth, n >= 24 ? "high" : "medium", next,
                    $"The last {Plural(k, "month")} ran about {Percent(Math.Abs(avg))} {(sign > 0 ? "above" : "below")} the commitment's pace, as the same months did last year once {GrowthText(g)} is allowed for: a seasonal swing rather than a new trend{effect}; check again once {Long(next)} has closed.");
            }
        }

        var lo = run.Length == 0 ? 0 : run.Min(m => Math.Abs(m.GapRatio));
        var hi = run.Length == 0 ? 0 : run.Max(m => Math.Abs(m.GapRatio));
        if (k >= 3 && projection is { } p && p.PeriodCommitment.Value > 0m)
        {
            var carried = Math.Sign(p.PeriodEndPosition.Value) == sign && Beyond(p, tau);
            if (carried)
            {
                var agrees = trend is { } t && Math.Sign(t.S) == sign && t.PValue < 0.10;
                var score = (k >= 6 ? 2 : k >= 4 ? 1 : 0) + (agrees ? 1 : 0);
                var confidence = score >= 2 ? "high" : score == 1 ? "medium" : "low";
                var driver = agrees ? Driver(ms, sign, tau) : GapDriver.None;
                var trendText = agrees ? Movement(ms, sign, driver, trend!.Value.PValue, tau) : "";
                var cls = sign > 0 ? GapClass.DurableOverage : GapClass.DurableShortfall;
                return Make(cls, k, growth, confidence, null,
                    $"Usage has run {Range(lo, hi)} {(sign > 0 ? "above" : "below")} the commitment's pace for {k} months in a row{trendText}; {position}: the {(sign > 0 ? "overage" : "shortfall")} is durable, not a blip.")
                    with { Driver = driver };
            }
        }

        var beyondCount = lastThree.Count(m => Math.Abs(m.GapRatio) > tau);
        YearMonth nextCheck = k is 1 or 2 ? last.AddMonths(3 - k) : last.AddMonths(1);
        var why = k >= 3
            ? projection is null
                ? $"{k} months in a row beyond {pct} of pace, but no reforecast of the period's end was available to confirm it"
                : $"{k} months in a row beyond {pct} of pace, but the reforecast does not carry the gap past {pct} of the commitment by the period's end"
            : $"{Plural(beyondCount, "of the last three months")} beyond {pct} of pace, without a sustained run";
        return Make(GapClass.Noise, k, growth, "low", nextCheck,
            $"Usage has moved off pace ({why}): noise so far, not a lasting trend{(position.Length > 0 ? $"; {position}" : "")}; check again once {Long(nextCheck)} has closed.");
    }

    /// <summary>What the verdict sentence says about the projected end of the current period, from the P50 before levers.</summary>
    private static string PositionClause(GapProjection? projection, double tau, string pct)
    {
        if (projection is not { } p) return "";
        var amount = new Usd(Math.Abs(p.PeriodEndPosition.Value)).ToSignificant(3).ToShortString();
        if (!Beyond(p, tau))
            return $"at this rate (P50, before levers) the current period ends within {pct} of its commitment ({amount} {(p.PeriodEndPosition.Value >= 0 ? "over" : "short")})";
        return p.PeriodEndPosition.Value > 0
            ? $"at this rate (P50, before levers) the current period ends about {amount} over the commitment, billed as overage"
            : $"at this rate (P50, before levers) about {amount} of the current period's commitment goes unused";
    }

    private static bool Beyond(GapProjection p, double tau) =>
        p.PeriodCommitment.Value > 0m && Math.Abs(p.PeriodEndPosition.Value) > (decimal)tau * p.PeriodCommitment.Value;

    /// <summary>
    /// Which series moved the gap in the run's direction over the months: usage (a Mann–Kendall trend in consumption,
    /// p &lt; 0.10, with the gap's sign, whose Theil–Sen line moves more than τ of the median month over the months),
    /// the commitment (pace stepped down under overage or up under shortfall, by more than 1 %), or both.
    /// </summary>
    public static GapDriver Driver(IReadOnlyList<GapMonth> months, int sign, double threshold)
    {
        if (months.Count < 3 || sign == 0) return GapDriver.None;
        var usageMoved = UsageMove(months, threshold) == sign;
        var paceChange = months[^1].Pace.Value - months[0].Pace.Value;
        var commitmentMoved = Math.Sign(paceChange) == -sign && Math.Abs(paceChange) > 0.01m * months[0].Pace.Value;
        return (usageMoved, commitmentMoved) switch
        {
            (true, true) => GapDriver.Both,
            (true, false) => GapDriver.Usage,
            (false, true) => GapDriver.Commitment,
            _ => GapDriver.None,
        };
    }

    /// <summary>
    /// The direction usage moved over the months (+1 up, −1 down), or 0: a Mann–Kendall trend in consumption with
    /// p &lt; 0.10 whose Theil–Sen line moves more than τ of the median month over the months.
    /// </summary>
    private static int UsageMove(IReadOnlyList<GapMonth> months, double threshold)
    {
        var consumed = months.Select(m => (double)m.Consumed.Value).ToArray();
        return TrendTest.Of(consumed) is { PValue: < 0.10 } u && Math.Abs(u.TheilSenSlope * (months.Count - 1)) > threshold * Math.Abs(consumed.Median())
            ? Math.Sign(u.S)
            : 0;
    }

    private static string Movement(ImmutableArray<GapMonth> ms, int sign, GapDriver driver, double pValue, double threshold)
    {
        var verb = sign > 0 ? "widening" : "deepening";
        var from = ms[0].Pace.ToSignificant(3).ToShortString();
        var to = ms[^1].Pace.ToSignificant(3).ToShortString();
        var step = ms[^1].Pace > ms[0].Pace ? "stepped up" : "stepped down";
        var usageDir = sign > 0 ? "rises" : "falls";
        var level = new Usd(ms.Skip(Math.Max(0, ms.Length - 6)).Select(m => m.Consumed.Value).Order().ElementAt(Math.Min(ms.Length, 6) / 2)).ToSignificant(3).ToShortString();
        return driver switch
        {
            GapDriver.Usage => $", and the gap keeps {verb} as usage {usageDir} (Mann–Kendall {PText(pValue)})",
            // Usage that moved the other way did not hold. The pace moved by a larger share than usage exactly when the
            // gap ratio (usage / pace − 1) of the last month is past the first's in the gap's direction; else only "while".
            GapDriver.Commitment when UsageMove(ms, threshold) == -sign =>
                $", and the gap has kept {verb} because the commitment's pace {step} from {from} to {to} a month" +
                (Math.Sign(ms[^1].GapRatio - ms[0].GapRatio) == sign ? ", by a larger share than usage " : " while usage ") +
                $"{(sign > 0 ? "fell" : "rose")} (Mann–Kendall {PText(pValue)})",
            GapDriver.Commitment => $", and the gap has kept {verb} because the commitment's pace {step} from {from} to {to} a month while usage held near {level} a month (Mann–Kendall {PText(pValue)})",
            GapDriver.Both => $", and the gap keeps {verb}: usage {usageDir} and the commitment's pace {step} from {from} to {to} a month (Mann–Kendall {PText(pValue)})",
            _ => $", and the gap is still {verb} (Mann–Kendall {PText(pValue)})",
        };
    }

    /// <summary>The class's name as written in JSON: <c>durable-overage</c>, <c>on-pace</c>, ….</summary>
    public static string Name(GapClass cls) => cls switch
    {
        GapClass.InsufficientEvidence => "insufficient-evidence",
        GapClass.OnPace => "on-pace",
        GapClass.Seasonal => "seasonal",
        GapClass.DurableOverage => "durable-overage",
        GapClass.DurableShortfall => "durable-shortfall",
        _ => "noise",
    };

    /// <summary>Length k of the run of consecutive months ending with the last, all beyond τ with the same sign.</summary>
    public static int RunLength(IReadOnlyList<GapMonth> months, double threshold)
    {
        if (months.Count == 0) return 0;
        var sign = Math.Sign(months[^1].GapRatio);
        var k = 0;
        for (var i = months.Count - 1; i >= 0; i--)
        {
            var g = months[i].GapRatio;
            if (Math.Abs(g) <= threshold || Math.Sign(g) != sign) break;
            if (i < months.Count - 1 && months[i].Month.AddMonths(1) != months[i + 1].Month) break;
            k++;
        }
        return k;
    }

    // The seasonal swing ends in the first month after the last whose year-earlier month was back within τ of pace
    // (or swung the other way); when last year's months do not show that, look again in a quarter.
    private static YearMonth SeasonEnd(ImmutableArray<GapMonth> ms, YearMonth last, double tau, int sign)
    {
        var byMonth = ms.ToDictionary(m => m.Month.Ordinal);
        for (var j = 1; j <= 12; j++)
        {
            if (!byMonth.TryGetValue(last.AddMonths(j - 12).Ordinal, out var prior)) break;
            if (Math.Abs(prior.GapRatio) <= tau || Math.Sign(prior.GapRatio) != sign) return last.AddMonths(j);
        }
        return last.AddMonths(3);
    }

    /// <summary>A p-value as written: <c>p &lt; 0.001</c> below a thousandth, else <c>p = 0.006</c>.</summary>
    public static string PText(double p) => p < 0.001 ? "p < 0.001" : $"p = {p.ToString("0.000", CultureInfo.InvariantCulture)}";

    private static string Percent(double x) => x.ToString("0%", CultureInfo.InvariantCulture);

    private static string Range(double lo, double hi) =>
        Math.Round(lo, 2) == Math.Round(hi, 2) ? Percent(lo) : $"{Percent(lo)}–{Percent(hi)}";

    private static string GrowthText(double g) =>
        Math.Abs(g - 1) < 0.005 ? "no year-over-year growth" : $"{Percent(Math.Abs(g - 1))} year-over-year {(g >= 1 ? "growth" : "decline")}";

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {(noun.StartsWith("of ", StringComparison.Ordinal) ? noun : noun + "s")}";

    private static string Long(YearMonth m) => m.FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
