namespace Recommit.Pricing;

/// <summary>One named rate of a price entry: USD per MTok for a token kind (optionally of the long or fast band), or a multiplier.</summary>
/// <param name="Name">The line's name, as in <see cref="PriceMove.Rate"/>.</param>
/// <param name="Value">USD per MTok, or the multiplier.</param>
public readonly record struct PriceLine(string Name, decimal Value)
{
    /// <summary>Every line an entry prices, in a fixed order: standard rates, long-context rates, fast rates, multipliers.</summary>
    public static IReadOnlyList<PriceLine> Of(PriceEntry entry)
    {
        var lines = new List<PriceLine>(17);
        Add(lines, "", entry.Standard);
        if (entry.LongContext == LongContextRule.OwnRates && entry.LongRates is { } longRates) Add(lines, "long.", longRates);
        if (entry.Fast is { } fast) Add(lines, "fast.", fast);
        if (entry.BatchMultiplier is { } batch) lines.Add(new PriceLine("batch_multiplier", batch));
        if (entry.UsGeoMultiplier is { } us) lines.Add(new PriceLine("us_geo_multiplier", us));
        return lines;
    }

    private static void Add(List<PriceLine> lines, string prefix, TokenRates rates)
    {
        lines.Add(new PriceLine(prefix + "input", rates.Input));
        lines.Add(new PriceLine(prefix + "cache_write_5m", rates.CacheWrite5m));
        lines.Add(new PriceLine(prefix + "cache_write_1h", rates.CacheWrite1h));
        lines.Add(new PriceLine(prefix + "cache_read", rates.CacheRead));
        lines.Add(new PriceLine(prefix + "output", rates.Output));
    }
}
