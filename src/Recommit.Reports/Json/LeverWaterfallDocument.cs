using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>
/// The lever waterfall for the rest of the term (docs/method.md §5): expected list dollars at baseline and after each
/// lever in the order they apply; <see cref="AssumedTokenMix"/> when the figures rest on an assumed token mix; the kinds
/// of lever given; and the expected cost of doing nothing had the levers not been applied (null without levers).
/// </summary>
public sealed record LeverWaterfallDocument(
    YearMonth From, YearMonth To, Usd Baseline, Usd AfterRouting, Usd AfterCaching, Usd AfterBatch, bool AssumedTokenMix,
    ImmutableArray<string> Kinds, Usd? CostWithoutLevers)
{
    /// <summary>The document of a lever waterfall.</summary>
    public static LeverWaterfallDocument Of(LeverWaterfall l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new LeverWaterfallDocument(l.From, l.To, l.Baseline, l.AfterRouting, l.AfterCaching, l.AfterBatch, l.AssumedTokenMix,
            [.. l.Kinds.Select(k => k switch
            {
                LeverKind.Routing => "routing",
                LeverKind.Caching => "caching",
                LeverKind.Batch => "batch",
                _ => throw new ArgumentOutOfRangeException(nameof(l), k, "unknown lever kind"),
            })],
            l.CostWithoutLevers);
    }
}
