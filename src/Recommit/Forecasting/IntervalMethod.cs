namespace Recommit.Forecasting;

/// <summary>How prediction intervals are drawn. <see cref="Calibrated"/> is the default (docs/method.md §4).</summary>
public enum IntervalMethod
{
    /// <summary>Simulated from the fitted models, then calibrated on the series' own multi-step errors in its history.</summary>
    Calibrated = 0,

    /// <summary>Simulated from the fitted models as they are (the models' own assumptions about their errors).</summary>
    Model = 1,
}
