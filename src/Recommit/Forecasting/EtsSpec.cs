namespace Recommit.Forecasting;

/// <summary>
/// One member of the ETS family (error, trend, season), e.g. ETS(M,Ad,M), as in Hyndman, Koehler, Ord and Snyder's
/// state-space framework (docs/method.md §4).
/// </summary>
internal readonly record struct EtsSpec(bool MultiplicativeError, EtsTrend Trend, EtsSeason Season)
{
    public bool HasTrend => Trend != EtsTrend.None;
    public bool HasSeason => Season != EtsSeason.None;

    public override string ToString() =>
        $"ETS({(MultiplicativeError ? "M" : "A")},{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }}," +
        $"{Season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" }})";
}
