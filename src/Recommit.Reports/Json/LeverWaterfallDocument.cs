using Recommit.Analysis;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// The lever waterfall for the rest of the term (docs/method.md §5): expected list dollars at baseline and after each
/// lever in the order they apply; <see cref="AssumedTokenMix"/> when the figures rest on an assumed token mix.
/// </summary>
public sealed record LeverWaterfallDocument(YearMonth From, YearMonth To, Usd Baseline, Usd AfterRouting, Usd AfterCaching, Usd AfterBatch, bool AssumedTokenMix)
{
    /// <summary>The document of a lever waterfall.</summary>
    public static LeverWaterfallDocument Of(LeverWaterfall l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new LeverWaterfallDocument(l.From, l.To, l.Baseline, l.AfterRouting, l.AfterCaching, l.AfterBatch, l.AssumedTokenMix);
    }
}
