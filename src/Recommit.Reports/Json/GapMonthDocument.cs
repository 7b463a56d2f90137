using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>One full month's consumption at committed rates against pace, with the gap ratio g = consumed ÷ pace − 1.</summary>
public sealed record GapMonthDocument(YearMonth Month, Usd Consumed, Usd Pace, double GapRatio);
