namespace Recommit.Forecasting;

/// <summary>The seasonal component of an ETS model: none, additive or multiplicative.</summary>
internal enum EtsSeason
{
    None,
    Additive,
    Multiplicative,
}
