using System.Collections.Immutable;
using Recommit.Analysis;

namespace Recommit.Reports.Internals;

/// <summary>
/// Makes an analysis safe to render: uninitialised (default) immutable arrays become empty and null strings empty,
/// so a partly filled analysis gives a report with empty sections rather than an exception.
/// </summary>
internal static class AnalysisShape
{
    public static AnalysisResult Normalise(AnalysisResult a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a with
        {
            Account = a.Account ?? "",
            PriceBookVersion = a.PriceBookVersion ?? "",
            Contract = a.Contract with { Name = a.Contract.Name ?? "", Periods = OrEmpty(a.Contract.Periods) },
            Ledger = a.Ledger with { Periods = OrEmpty(a.Ledger.Periods), Months = OrEmpty(a.Ledger.Months) },
            Gap = a.Gap with { Months = OrEmpty(a.Gap.Months), Sentence = a.Gap.Sentence ?? "", Confidence = a.Gap.Confidence ?? "", ClassName = a.Gap.ClassName ?? "" },
            Forecast = a.Forecast with { Months = OrEmpty(a.Forecast.Months), Warnings = OrEmpty(a.Forecast.Warnings), Method = a.Forecast.Method ?? "" },
            CostOfDoingNothing = a.CostOfDoingNothing with { Percentiles = OrEmpty(a.CostOfDoingNothing.Percentiles) },
            Usage = OrEmpty(a.Usage),
            Notes = OrEmpty(a.Notes),
            Sources = OrEmpty(a.Sources),
            Levers = a.Levers with { Kinds = OrEmpty(a.Levers.Kinds) },
        };
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> array) => array.IsDefault ? [] : array;
}
