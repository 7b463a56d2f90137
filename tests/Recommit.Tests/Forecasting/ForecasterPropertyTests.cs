using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class ForecasterPropertyTests
{
    private static readonly ForecastOptions Default = new();

    /// <summary>A positive, trending, seasonal and noisy monthly series from a seed.</summary>
    private static double[] Series(int seed, int length)
    {
        var rng = new Random(seed);
        var level = 50 + rng.Next(500);
        var growth = rng.NextDouble() * 0.04 - 0.01;
        var seasonality = rng.NextDouble() * 0.5;
        var noise = 0.02 + rng.NextDouble() * 0.2;
        return [.. Enumerable.Range(0, length).Select(t =>
            level * Math.Pow(1 + growth, t) * (1 + seasonality * Math.Sin(2 * Math.PI * t / 12)) * (1 + noise * (rng.NextDouble() - 0.5)))];
    }

    public static Arbitrary<(int Seed, int Length)> Histories() =>
        Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(6, 120)).ToArbitrary();

    [Property(MaxTest = 20, Arbitrary = [typeof(ForecasterPropertyTests)])]
    public void Intervals_nest_contain_the_mean_and_are_never_negative((int Seed, int Length) input)
    {
        var f = Forecaster.Forecast(Series(input.Seed, input.Length), 18, Default);
        var i80 = f.Intervals.Single(i => i.Level == 80);
        var i95 = f.Intervals.Single(i => i.Level == 95);
        for (var h = 0; h < 18; h++)
        {
            Assert.True(i95.Lower[h] >= 0);
            Assert.True(i95.Lower[h] <= i80.Lower[h] && i80.Lower[h] <= f.Mean[h]);
            Assert.True(f.Mean[h] <= i80.Upper[h] && i80.Upper[h] <= i95.Upper[h]);
        }
    }

    [Property(MaxTest = 20, Arbitrary = [typeof(ForecasterPropertyTests)])]
    public void Zero_innovations_give_the_mean_path((int Seed, int Length) input)
    {
        var f = Forecaster.Forecast(Series(input.Seed, input.Length), 12, Default);
        var path = new double[12];
        f.SimulatePath(new double[12], path);
        Assert.Equal(f.Mean, path);
    }

    [Property(MaxTest = 20, Arbitrary = [typeof(ForecasterPropertyTests)])]
    public void Simulated_paths_are_never_negative_even_under_large_shocks((int Seed, int Length) input)
    {
        var f = Forecaster.Forecast(Series(input.Seed, input.Length), 12, Default);
        var path = new double[12];
        f.SimulatePath(Enumerable.Repeat(-6.0, 12).ToArray(), path);
        Assert.All(path, v => Assert.True(v >= 0));
    }

    [Property(MaxTest = 20)]
    public void A_constant_series_forecasts_that_constant(PositiveInt value, PositiveInt length)
    {
        var y = Enumerable.Repeat((double)value.Get, 1 + length.Get % 50).ToArray();
        var f = Forecaster.Forecast(y, 6, Default);
        Assert.All(f.Mean, v => Assert.Equal(value.Get, v));
        foreach (var interval in f.Intervals)
        {
            Assert.All(interval.Lower, v => Assert.Equal(value.Get, v));
            Assert.All(interval.Upper, v => Assert.Equal(value.Get, v));
        }
    }

    [Fact]
    public void Intervals_widen_with_the_horizon()
    {
        foreach (var method in Enum.GetValues<ForecastMethod>())
        {
            var y = Series(11, 60).Select((v, t) => v * (1 + 0.3 * ((t * 7919) % 13 - 6) / 6.0)).ToArray();
            var f = Forecaster.Forecast(y, 18, new ForecastOptions { Frequency = 1, Method = method });
            var i95 = f.Intervals.Single(i => i.Level == 95);
            var first = i95.Upper[0] - i95.Lower[0];
            var last = i95.Upper[17] - i95.Lower[17];
            Assert.True(last > first * 1.2, $"{method}: width {first} at step 1, {last} at step 18");
        }
    }

    [Fact]
    public void Forecasts_are_reproducible()
    {
        var y = Series(3, 80);
        var a = Forecaster.Forecast(y, 18, Default);
        var b = Forecaster.Forecast(y, 18, Default);
        var longer = Forecaster.Forecast(y, 30, Default);
        // ImmutableArray equality is reference equality: compare the values.
        Assert.Equal(a.Mean.ToArray(), b.Mean.ToArray());
        Assert.Equal(a.Intervals[1].Upper.ToArray(), b.Intervals[1].Upper.ToArray());
        Assert.Equal(a.Method, b.Method);
        // The intervals of the first steps do not depend on how far ahead one asks.
        Assert.Equal(a.Intervals[0].Lower.ToArray(), longer.Intervals[0].Lower.Take(18).ToArray());
    }

    [Fact]
    public void The_default_is_a_combination_of_ets_theta_and_damped_ets()
    {
        var f = Forecaster.Forecast(Series(5, 96), 18, Default);
        Assert.StartsWith("Combination(", f.Method, StringComparison.Ordinal);
        Assert.Contains("Theta", f.Method, StringComparison.Ordinal);
        Assert.Contains("Ad", f.Method, StringComparison.Ordinal);
    }
}
