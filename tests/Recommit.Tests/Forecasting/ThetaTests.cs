using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class ThetaTests
{
    // The model's own simulated intervals, as R's thetaf draws them (the default calibrates them on the history).
    private static readonly ForecastOptions ThetaAnnual = new() { Frequency = 1, Method = ForecastMethod.Theta, Intervals = IntervalMethod.Model };

    // R's datasets::WWWusage (users connected to a server per minute, 100 points).
    private static readonly double[] WwwUsage =
    [
        88, 84, 85, 85, 84, 85, 83, 85, 88, 89, 91, 99, 104, 112, 126, 138, 146, 151, 150, 148, 147, 149, 143, 132, 131, 139, 147, 150, 148,
        145, 140, 134, 131, 131, 129, 126, 126, 132, 137, 140, 142, 150, 159, 167, 170, 171, 172, 172, 174, 175, 172, 172, 174, 174, 169,
        165, 156, 142, 131, 121, 112, 104, 102, 99, 99, 95, 88, 84, 84, 87, 89, 88, 85, 86, 89, 91, 91, 94, 101, 110, 121, 135, 145, 149,
        156, 165, 171, 175, 177, 182, 193, 204, 208, 210, 215, 222, 228, 226, 222, 220,
    ];

    [Fact]
    public void Theta_is_ses_plus_half_the_least_squares_slope_as_drift()
    {
        double[] y = [52, 49, 55, 61, 58, 63, 70, 66, 64, 71, 75, 73, 80, 77, 82, 79, 85, 88, 84, 90];
        var (alpha, level, _) = SesReference.BruteForce(y);
        var drift = SesReference.Slope(y) / 2;
        var n = y.Length;

        var f = Forecaster.Forecast(y, 6, ThetaAnnual);

        for (var h = 1; h <= 6; h++)
        {
            var expected = level + drift * (h - 1 + (1 - Math.Pow(1 - alpha, n)) / alpha);
            Assert.Equal(expected, f.Mean[h - 1], 0.05);
        }
    }

    [Fact]
    public void Theta_matches_r_thetaf_on_wwwusage()
    {
        // forecast 8.20: thetaf(WWWusage, h = 5)$mean, and the 80 % lower / 95 % upper limits.
        double[] mean = [220.3096281, 220.6190250, 220.9284220, 221.2378189, 221.5472158];
        double[] lower80 = [212.8385059, 210.0537914, 207.9889220, 206.2966960, 204.8426162];
        double[] upper95 = [231.7357234, 236.7771555, 240.7176794, 244.0882945, 247.0946964];

        var f = Forecaster.Forecast(WwwUsage, 5, ThetaAnnual);

        for (var h = 0; h < 5; h++) Assert.Equal(mean[h], f.Mean[h], 0.01);
        var i80 = f.Intervals.Single(i => i.Level == 80);
        var i95 = f.Intervals.Single(i => i.Level == 95);
        // Simulated from 1,000 Latin-hypercube paths: step 1 is stratified, so its quantiles are within 1 % of the
        // analytic half-width; later steps sum independent draws and carry the Monte Carlo error of 1,000 paths (~4 %
        // at the 95 % tails), so they are held to 8 %.
        for (var h = 0; h < 5; h++)
        {
            var tolerance = h == 0 ? 0.01 : 0.08;
            Assert.Equal(mean[h] - lower80[h], f.Mean[h] - i80.Lower[h], (mean[h] - lower80[h]) * tolerance);
            Assert.Equal(upper95[h] - mean[h], i95.Upper[h] - f.Mean[h], (upper95[h] - mean[h]) * tolerance);
        }
    }

    [Fact]
    public void Seasonality_test_detects_a_monthly_pattern_and_not_white_noise()
    {
        var seasonal = new double[60];
        var noise = new double[60];
        var rng = new Random(7);
        for (var t = 0; t < 60; t++)
        {
            seasonal[t] = 100 + 30 * Math.Sin(2 * Math.PI * t / 12) + rng.NextDouble();
            noise[t] = 100 + 10 * rng.NextDouble();
        }
        Assert.True(ClassicalDecomposition.IsSeasonal(seasonal, 12));
        Assert.False(ClassicalDecomposition.IsSeasonal(noise, 12));
    }

    [Fact]
    public void Classical_multiplicative_indices_average_to_one_and_recover_the_pattern()
    {
        double[] pattern = [0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.6];
        var scale = pattern.Average();
        var y = Enumerable.Range(0, 48).Select(t => 50.0 * pattern[t % 12]).ToArray();
        var indices = new double[12];
        ClassicalDecomposition.SeasonalIndices(y, 12, multiplicative: true, indices);
        Assert.Equal(1.0, indices.Average(), 12);
        for (var j = 0; j < 12; j++) Assert.Equal(pattern[j] / scale, indices[j], 9);
    }
}
