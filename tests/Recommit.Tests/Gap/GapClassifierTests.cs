using Recommit.Gap;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Tests.Gap;

public class GapClassifierTests
{
    private static readonly YearMonth Jan = new(2025, 1);

    private static List<GapMonth> Months(params double[] consumption) =>
        [.. GapClassifier.Months(consumption.Select((a, i) => (Jan.AddMonths(i), new Usd((decimal)a), new Usd(100m))))];

    private static GapProjection Over(decimal position) => new(new Usd(position), new Usd(1200m));

    [Fact]
    public void MATH_example_steady_growth_is_a_durable_overage_with_a_run_of_seven()
    {
        var months = Months(88, 94.4, 100, 112, 120, 128, 136, 148, 156, 168);
        Assert.Equal([-0.12, -0.056, 0, 0.12, 0.20, 0.28, 0.36, 0.48, 0.56, 0.68], months.Select(m => Math.Round(m.GapRatio, 6)));
        var a = GapClassifier.Classify(months, Over(400m));
        Assert.Equal(GapClass.DurableOverage, a.Class);
        Assert.Equal("durable-overage", a.ClassName);
        Assert.Equal(7, a.RunLength);
        Assert.Equal("high", a.Confidence);
        Assert.Null(a.NextCheck);
        Assert.True(a.MannKendallS > 0);
        Assert.True(a.MannKendallPValue < 0.01);
        Assert.Contains("7 months in a row", a.Sentence, StringComparison.Ordinal);
        Assert.Contains("$400 over", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void MATH_example_one_heavy_month_is_noise()
    {
        var a = GapClassifier.Classify(Months(98, 101, 99, 140, 100, 97), Over(50m));
        Assert.Equal(GapClass.Noise, a.Class);
        Assert.Equal(0, a.RunLength);
        Assert.Equal(new YearMonth(2025, 7), a.NextCheck);
        Assert.Contains("noise", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_three_full_months_is_insufficient_evidence()
    {
        var a = GapClassifier.Classify(Months(150, 160), Over(500m));
        Assert.Equal(GapClass.InsufficientEvidence, a.Class);
        Assert.Equal(new YearMonth(2025, 3), a.NextCheck);
        Assert.Contains("2 full months", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_recent_months_within_tau_are_on_pace_even_after_an_old_gap()
    {
        var a = GapClassifier.Classify(Months(150, 160, 170, 105, 95, 109), Over(300m));
        Assert.Equal(GapClass.OnPace, a.Class);
        Assert.Equal(0, a.RunLength);
    }

    [Fact]
    public void A_run_of_three_the_reforecast_does_not_carry_to_the_period_end_is_noise()
    {
        // Three months 20 % over, but the period's P50 end position is only 5 % of the commitment over.
        var a = GapClassifier.Classify(Months(100, 100, 100, 120, 120, 120), Over(60m));
        Assert.Equal(GapClass.Noise, a.Class);
        Assert.Equal(3, a.RunLength);
        Assert.Contains("reforecast does not carry", a.Sentence, StringComparison.Ordinal);
        // The same run carried past τ of the commitment is durable.
        Assert.Equal(GapClass.DurableOverage, GapClassifier.Classify(Months(100, 100, 100, 120, 120, 120), Over(121m)).Class);
    }

    [Fact]
    public void A_run_whose_projection_has_the_other_sign_is_noise()
    {
        var a = GapClassifier.Classify(Months(100, 100, 100, 120, 120, 120), Over(-200m));
        Assert.Equal(GapClass.Noise, a.Class);
    }

    [Fact]
    public void A_sustained_run_below_pace_carried_by_the_reforecast_is_a_durable_shortfall()
    {
        var a = GapClassifier.Classify(Months(100, 95, 80, 75, 70, 70), Over(-300m));
        Assert.Equal(GapClass.DurableShortfall, a.Class);
        Assert.Equal(4, a.RunLength);
        Assert.Contains("below the commitment's pace", a.Sentence, StringComparison.Ordinal);
        Assert.Contains("$300 of", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_of_two_says_which_month_would_make_it_durable()
    {
        var a = GapClassifier.Classify(Months(100, 100, 100, 100, 130, 135), Over(300m));
        Assert.Equal(GapClass.Noise, a.Class);
        Assert.Equal(2, a.RunLength);
        Assert.Equal(new YearMonth(2025, 7), a.NextCheck);
    }

    [Fact]
    public void A_swing_that_repeats_last_year_after_growth_is_seasonal()
    {
        // Year 1: flat 100 with a December peak at 150; year 2: everything 5 % higher (G = 1.05); pace 100.
        var year1 = Enumerable.Range(0, 12).Select(i => i == 11 ? 150.0 : 100.0);
        var year2 = Enumerable.Range(0, 12).Select(i => i == 11 ? 157.5 : 105.0);
        var months = Months([.. year1, .. year2]);
        var a = GapClassifier.Classify(months, Over(400m));
        Assert.Equal(GapClass.Seasonal, a.Class);
        Assert.Equal(1, a.RunLength);
        Assert.Equal(1.05, a.YearOverYearGrowth!.Value, 12);
        Assert.Equal(new YearMonth(2027, 1), a.NextCheck); // last year's swing ended with January
        Assert.Contains("seasonal", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swing_that_last_year_did_not_have_is_not_seasonal()
    {
        var year1 = Enumerable.Repeat(100.0, 12);
        var year2 = Enumerable.Range(0, 12).Select(i => i >= 8 ? 150.0 : 100.0);
        var a = GapClassifier.Classify(Months([.. year1, .. year2]), Over(400m));
        Assert.Equal(GapClass.DurableOverage, a.Class);
        Assert.Equal(4, a.RunLength);
        Assert.Equal(1.0, a.YearOverYearGrowth!.Value, 12);
    }

    [Fact]
    public void Mann_Kendall_and_Theil_Sen_match_hand_computed_values()
    {
        // 1..5 increasing: S = 10, Var S = 5·4·15/18, Z = 9 / sqrt(16.667) = 2.2045, p = 0.02749.
        var t = TrendTest.Of([1.0, 2, 3, 4, 5])!.Value;
        Assert.Equal(10, t.S);
        Assert.Equal(0.027486, t.PValue, 5);
        Assert.Equal(1.0, t.TheilSenSlope, 12);
        // With ties: 1, 1, 2, 3 → S = 5; Var S = (4·3·13 − 2·1·9) / 18 = 138 / 18; Z = (5 − 1) / sqrt(Var S).
        var tied = TrendTest.Of([1.0, 1, 2, 3])!.Value;
        Assert.Equal(5, tied.S);
        Assert.Equal(2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 4 / Math.Sqrt(138.0 / 18))), tied.PValue, 12);
    }
}
