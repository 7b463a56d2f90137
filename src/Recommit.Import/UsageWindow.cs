using Recommit.Time;

namespace Recommit.Import;

/// <summary>
/// The days Claude usage can have: from <see cref="First"/>, the day the Claude API opened (2023-03-14, before the
/// first model in the price book), to one day after today (UTC; a day's slack for clocks and the last hours of a
/// timestamp in a later time zone). A row dated outside it (0001-01-01, 9999-12-31, a mistyped year) is rejected
/// with its file and line instead of stretching every monthly series to centuries (docs/input-safety.md, "Accepted
/// dates"). Spend months run from the first month to ten years after this one, since a future path
/// (<c>analyze --future</c>) is a spend file of months still to come.
/// </summary>
public static class UsageWindow
{
    /// <summary>The first day of Claude API usage: the API opened to the public on 2023-03-14.</summary>
    public static readonly DateOnly First = new(2023, 3, 14);

    /// <summary>How many days after today (UTC) a usage day may be.</summary>
    public const int DaysAfterToday = 1;

    /// <summary>How many years after this month a spend month may be.</summary>
    public const int SpendYearsAhead = 10;

    /// <summary>The last accepted usage day: one day after today, UTC.</summary>
    public static DateOnly Last => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(DaysAfterToday);

    public static bool Contains(DateOnly day) => day >= First && day <= Last;

    public static bool ContainsMonth(YearMonth month) => month >= YearMonth.Of(First) && month <= YearMonth.Of(Last).AddMonths(12 * SpendYearsAhead);

    /// <summary>Why <paramref name="day"/> is refused, for a rejected row.</summary>
    public static string Outside(DateOnly day) =>
        $"{day:yyyy-MM-dd} is outside the accepted dates {First:yyyy-MM-dd}..{Last:yyyy-MM-dd} (Claude API usage cannot predate the API or lie in the future)";

    /// <summary>Why <paramref name="month"/> is refused, for a rejected spend row.</summary>
    public static string OutsideMonth(YearMonth month) =>
        $"{month} is outside the accepted months {YearMonth.Of(First)}..{YearMonth.Of(Last).AddMonths(12 * SpendYearsAhead)}";
}
