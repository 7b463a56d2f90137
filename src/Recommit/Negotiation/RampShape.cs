namespace Recommit.Negotiation;

/// <summary>How an optimiser package spreads its commitment over its periods (docs/method.md §7).</summary>
public enum RampShape
{
    /// <summary>The same annual rate every period.</summary>
    Flat = 0,

    /// <summary>Rising linearly from 85 % to 115 % of the annual rate across the periods.</summary>
    Linear = 1,

    /// <summary>Each period in proportion to the P50 reforecast's usage in it.</summary>
    MatchedToP50 = 2,
}
