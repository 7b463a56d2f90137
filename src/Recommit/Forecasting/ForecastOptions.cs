using System.Collections.Immutable;

namespace Recommit.Forecasting;

/// <summary>Which forecaster to use. <see cref="Combination"/> is the default (docs/method.md §4).</summary>
public enum ForecastMethod
{
    Combination = 0,
    Ets = 1,
    Theta = 2,
    Drift = 3,
    SeasonalNaive = 4,
}

/// <summary>Options for <see cref="Forecaster.Forecast"/>: seasonal frequency (12 for monthly), interval levels in percent, method, and how intervals are drawn.</summary>
public readonly record struct ForecastOptions()
{
    public int Frequency { get; init; } = 12;
    public ImmutableArray<int> Levels { get; init; } = [80, 95];
    public ForecastMethod Method { get; init; } = ForecastMethod.Combination;
    public IntervalMethod Intervals { get; init; } = IntervalMethod.Calibrated;
}
