namespace Recommit.Forecasting;

/// <summary>The trend component of an ETS model (Hyndman et al. 2008): none, additive, or additive damped.</summary>
internal enum EtsTrend
{
    None,
    Additive,
    Damped,
}
