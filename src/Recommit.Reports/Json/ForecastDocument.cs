using System.Collections.Immutable;
using Recommit.Analysis;

namespace Recommit.Reports.Json;

/// <summary>The reforecast (docs/method.md §4): method, months with actuals or the P10/P50/P90 fans, and warnings.</summary>
public sealed record ForecastDocument(string Method, ImmutableArray<ForecastMonthDocument> Months, ImmutableArray<NoteDocument> Warnings)
{
    /// <summary>The document of the forecast section.</summary>
    public static ForecastDocument Of(ForecastSection f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new ForecastDocument(f.Method,
            [.. f.Months.Select(m => new ForecastMonthDocument(m.Month, m.Actual, m.BaselineP10, m.BaselineP50, m.BaselineP90,
                m.AfterLeversP10, m.AfterLeversP50, m.AfterLeversP90))],
            [.. f.Warnings.Select(NoteDocument.Of)]);
    }
}
