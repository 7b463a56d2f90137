using Recommit.Analysis;
using Recommit.Analysis.Notes;

namespace Recommit.Tests.Analysis;

public sealed class IntervalCalibrationTests
{
    private static BacktestSummary Backtest(int origins, double c80, double c95) => new(origins, 6, 10, 1, c80, c95, "");

    [Fact]
    public void Intervals_that_covered_as_promised_are_left_alone()
    {
        Assert.Equal(1.0, IntervalCalibration.Scale(Backtest(8, 0.85, 0.96)));
        Assert.Null(IntervalCalibration.Note(Backtest(8, 0.85, 0.96), 1.0));
    }

    [Fact]
    public void No_backtest_or_too_few_origins_changes_nothing()
    {
        Assert.Equal(1.0, IntervalCalibration.Scale(null));
        Assert.Equal(1.0, IntervalCalibration.Scale(Backtest(3, 0.2, 0.3)));
    }

    [Fact]
    public void Narrow_intervals_are_widened_by_the_ratio_of_normal_quantiles()
    {
        // 80 % intervals that covered 50 %: a normal error covers 50 % within ±0.6745σ, so the half-width must grow
        // by 1.2816 / 0.6745 = 1.9001 (values of Φ⁻¹ from standard tables).
        var scale = IntervalCalibration.Scale(Backtest(8, 0.50, 0.95));
        Assert.Equal(1.2816 / 0.6745, scale, 3);
        Assert.Equal(new IntervalsWidenedNote(scale, 0.50, 0.95), IntervalCalibration.Note(Backtest(8, 0.50, 0.95), scale));
    }

    [Fact]
    public void The_larger_of_the_two_widenings_wins_and_is_capped()
    {
        // 95 % covering 80 %: 1.9600 / 1.2816 = 1.5293, larger than the 80 % level's (covered 75 %: 1.2816 / 1.1503 = 1.1141).
        Assert.Equal(1.9600 / 1.2816, IntervalCalibration.Scale(Backtest(8, 0.75, 0.80)), 3);
        Assert.Equal(IntervalCalibration.MaxScale, IntervalCalibration.Scale(Backtest(8, 0.0, 0.0)));
    }
}
