using System.Numerics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommit.Time;

/// <summary>
/// A calendar month (UTC), the unit of every monthly view: pace, burn-down, ledger months and forecasts.
/// Written as <c>yyyy-MM</c>.
/// </summary>
[JsonConverter(typeof(YearMonthJsonConverter))]
public readonly record struct YearMonth : IComparable<YearMonth>, IComparisonOperators<YearMonth, YearMonth, bool>
{
    /// <summary>Creates the month; <paramref name="month"/> is 1..12.</summary>
    public YearMonth(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 1..9999");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>Months since year 0, January: a dense ordinal for arithmetic and array indexing.</summary>
    public int Ordinal => Year * 12 + (Month - 1);

    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);
    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DaysInMonth);
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    /// <summary>Number of months from this month to <paramref name="other"/> (positive when other is later).</summary>
    public int MonthsUntil(YearMonth other) => other.Ordinal - Ordinal;

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);
    public static bool operator <(YearMonth left, YearMonth right) => left.Ordinal < right.Ordinal;
    public static bool operator >(YearMonth left, YearMonth right) => left.Ordinal > right.Ordinal;
    public static bool operator <=(YearMonth left, YearMonth right) => left.Ordinal <= right.Ordinal;
    public static bool operator >=(YearMonth left, YearMonth right) => left.Ordinal >= right.Ordinal;

    /// <summary>Enumerates <paramref name="count"/> months starting with <paramref name="first"/>.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth first, int count)
    {
        for (var i = 0; i < count; i++) yield return first.AddMonths(i);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>Parses <c>yyyy-MM</c> (also accepts <c>yyyy-MM-dd</c>, taking its month).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out YearMonth value)
    {
        value = default;
        text = text.Trim();
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            value = Of(d);
            return true;
        }
        if (text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1 || m is < 1 or > 12) return false;
        value = new YearMonth(y, m);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a month (expected yyyy-MM)");
}

/// <summary>Writes a <see cref="YearMonth"/> as <c>"yyyy-MM"</c>.</summary>
internal sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.GetString();
        return s is not null && YearMonth.TryParse(s, out var v) ? v : throw new JsonException($"'{s}' is not a month (expected yyyy-MM)");
    }

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
