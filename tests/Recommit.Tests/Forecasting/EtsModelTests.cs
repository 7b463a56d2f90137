using Recommit.Forecasting;

namespace Recommit.Tests.Forecasting;

public class EtsModelTests
{
    // A short, level-shifting series where simple exponential smoothing has an interior optimum.
    private static readonly double[] Series = [52, 49, 55, 61, 58, 63, 70, 66, 64, 71, 75, 73, 80, 77, 82, 79, 85, 88, 84, 90];

    [Fact]
    public void Ses_maximum_likelihood_matches_a_brute_force_grid_over_alpha()
    {
        var (alpha, _, sse) = SesReference.BruteForce(Series);
        var fit = EtsModel.Fit(Series, 1, new EtsSpec(false, EtsTrend.None, EtsSeason.None))!;
        var fittedSse = Math.Exp(fit.Likelihood / Series.Length);

        Assert.Equal(alpha, fit.Alpha, 0.01);
        // The optimiser stops at a relative change of 1e-5 in n·log(SSE), i.e. about 1e-4 in SSE.
        Assert.True(fittedSse <= sse * (1 + 1e-4), $"optimiser SSE {fittedSse} worse than grid SSE {sse}");
        Assert.True(alpha is > 0.05 and < 0.95, "the grid optimum is interior, so the test discriminates");
    }

    [Fact]
    public void Aicc_adds_the_small_sample_correction_to_aic()
    {
        var fit = EtsModel.Fit(Series, 1, new EtsSpec(false, EtsTrend.Additive, EtsSeason.None))!;
        var k = fit.ParameterCount; // alpha, beta, l0, b0, sigma
        Assert.Equal(5, k);
        Assert.Equal(fit.Likelihood + 2 * k + 2.0 * k * (k + 1) / (Series.Length - k - 1), fit.Aicc, 9);
    }

    [Fact]
    public void Multiplicative_models_are_not_fitted_to_series_with_zeros()
    {
        double[] y = [3, 0, 4, 5, 6, 2, 7, 8, 9, 4];
        Assert.Null(EtsModel.Fit(y, 1, new EtsSpec(true, EtsTrend.None, EtsSeason.None)));
        Assert.NotNull(EtsModel.Fit(y, 1, new EtsSpec(false, EtsTrend.None, EtsSeason.None)));
    }

    [Fact]
    public void Automatic_selection_prefers_a_seasonal_model_on_a_strongly_seasonal_series()
    {
        var y = new double[72];
        for (var t = 0; t < y.Length; t++) y[t] = 100 * (1 + 0.4 * Math.Sin(2 * Math.PI * t / 12)) + 0.01 * ((t * 37) % 11);
        var best = AutoEts.FitAll(y, 12)[0];
        Assert.NotEqual(EtsSeason.None, best.Spec.Season);
    }
}
