using Recommit.Time;

namespace Recommit.Analysis;

/// <summary>
/// The one definition of the as-of cut-off that every verb shares (docs/method.md §3): unless the user names a date,
/// the analysis is as of the day after the last usage day, and only the months before the as-of month count as full
/// months — so a partial last month (usage to the 24th) is never counted as if it were complete.
/// </summary>
public static class AsOfDate
{
    /// <summary>The default as-of date: the day after <paramref name="lastUsageDay"/>.</summary>
    public static DateOnly Default(DateOnly lastUsageDay) => lastUsageDay.AddDays(1);

    /// <summary>The last complete month before <paramref name="asOf"/>: the month before the as-of month.</summary>
    public static YearMonth LastCompleteMonth(DateOnly asOf) => YearMonth.Of(asOf).AddMonths(-1);

    /// <summary>The as-of date for a ledger counted through <paramref name="month"/>: the first day of the month after.</summary>
    public static DateOnly After(YearMonth month) => month.AddMonths(1).FirstDay;

    /// <summary>
    /// How the cut-off reads in output: "2026-10, the last complete month (usage runs to 2026-11-24; 2026-11 is partial
    /// and not counted)", or just the month when the usage ends with it.
    /// </summary>
    public static string Describe(YearMonth through, DateOnly lastUsageDay, bool chosenByUser)
    {
        var lastMonth = YearMonth.Of(lastUsageDay);
        var why = chosenByUser ? "as asked" : "the last complete month";
        if (lastMonth <= through) return $"{through}, {why} (usage runs to {lastUsageDay:yyyy-MM-dd})";
        var partial = lastMonth == through.AddMonths(1) && lastUsageDay != lastMonth.LastDay;
        return partial
            ? $"{through}, {why} (usage runs to {lastUsageDay:yyyy-MM-dd}; {lastMonth} is partial and not counted)"
            : $"{through}, {why} (usage runs to {lastUsageDay:yyyy-MM-dd}; later months are not counted)";
    }
}
