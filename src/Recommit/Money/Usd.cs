using System.Numerics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommit.Money;

/// <summary>
/// An amount of US dollars at full <see cref="decimal"/> precision. Never rounded in computation; rounded
/// to the cent, half away from zero, only when shown or written (docs/method.md, "Rounding"): see <see cref="RoundedToCents"/>.
/// </summary>
[JsonConverter(typeof(UsdJsonConverter))]
public readonly record struct Usd(decimal Value) :
    IComparable<Usd>,
    IAdditionOperators<Usd, Usd, Usd>,
    ISubtractionOperators<Usd, Usd, Usd>,
    IMultiplyOperators<Usd, decimal, Usd>,
    IDivisionOperators<Usd, decimal, Usd>,
    IUnaryNegationOperators<Usd, Usd>,
    IComparisonOperators<Usd, Usd, bool>,
    IAdditiveIdentity<Usd, Usd>
{
    public static Usd Zero => default;
    public static Usd AdditiveIdentity => default;

    public Usd RoundedToCents => new(Math.Round(Value, 2, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Rounded to <paramref name="digits"/> significant figures (half away from zero): how simulated and forecast
    /// figures are shown, to the precision their uncertainty supports ($453,394.12 → $453,000 at 3).
    /// </summary>
    public Usd ToSignificant(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(digits);
        if (Value == 0m) return this;
        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(Value)));
        var places = digits - 1 - magnitude;
        if (places >= 0) return new(Math.Round(Value, Math.Min(places, 2), MidpointRounding.AwayFromZero));
        var unit = (decimal)Math.Pow(10, -places);
        return new(Math.Round(Value / unit, MidpointRounding.AwayFromZero) * unit);
    }

    /// <summary>Whole dollars without cents when there are none: <c>$453,000</c>, <c>-$1,200</c>, <c>$0.57</c>.</summary>
    public string ToShortString() =>
        RoundedToCents.Value.ToString(decimal.Truncate(RoundedToCents.Value) == RoundedToCents.Value ? "$#,##0;-$#,##0" : "$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture);

    public static Usd operator +(Usd left, Usd right) => new(left.Value + right.Value);
    public static Usd operator -(Usd left, Usd right) => new(left.Value - right.Value);
    public static Usd operator -(Usd value) => new(-value.Value);
    public static Usd operator *(Usd left, decimal right) => new(left.Value * right);
    public static Usd operator *(decimal left, Usd right) => new(left * right.Value);
    public static Usd operator /(Usd left, decimal right) => new(left.Value / right);
    public static bool operator <(Usd left, Usd right) => left.Value < right.Value;
    public static bool operator >(Usd left, Usd right) => left.Value > right.Value;
    public static bool operator <=(Usd left, Usd right) => left.Value <= right.Value;
    public static bool operator >=(Usd left, Usd right) => left.Value >= right.Value;

    public static Usd Max(Usd a, Usd b) => a >= b ? a : b;
    public static Usd Min(Usd a, Usd b) => a <= b ? a : b;

    public int CompareTo(Usd other) => Value.CompareTo(other.Value);

    /// <summary>Rounded to the cent, e.g. <c>$1,713.00</c>.</summary>
    public override string ToString() => RoundedToCents.Value.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>Writes <see cref="Usd"/> as a JSON number rounded to the cent (the only place rounding happens).</summary>
internal sealed class UsdJsonConverter : JsonConverter<Usd>
{
    public override Usd Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal());

    // Adding 0.00m gives every written amount exactly two decimals (1200 → 1200.00), whatever scale the arithmetic left.
    public override void Write(Utf8JsonWriter writer, Usd value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.RoundedToCents.Value + 0.00m);
}
