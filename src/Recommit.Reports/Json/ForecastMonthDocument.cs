using Recommit.Money;
using Recommit.Time;

namespace Recommit.Reports.Json;

/// <summary>One month of the reforecast in list dollars: the actual where known, and the fans before and after levers.</summary>
public sealed record ForecastMonthDocument(
    YearMonth Month,
    Usd? Actual,
    Usd BaselineP10, Usd BaselineP50, Usd BaselineP90,
    Usd AfterLeversP10, Usd AfterLeversP50, Usd AfterLeversP90);
