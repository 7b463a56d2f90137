using System.Globalization;
using Recommit.Gap;
using Recommit.Money;

namespace Recommit.Reports.Internals;

/// <summary>How figures are shown in the reports: dollars to the cent, compact dollars on chart axes, signed percents.</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(Usd value) => value.ToString();

    public static string Money(Usd? value) => value is { } v ? v.ToString() : "—";

    /// <summary>
    /// A simulated or forecast dollar figure, to the three significant figures its uncertainty supports
    /// (<c>$453,000</c>, not <c>$453,394.12</c>); ledger bills and actuals keep their cents (<see cref="Money(Usd)"/>). A figure
    /// that may come from one given path (<c>--future</c>) goes through <see cref="Recommit.Simulation.SimulatedFigure"/>.
    /// </summary>
    public static string Simulated(Usd value) => value.ToSignificant(3).ToShortString();

    /// <summary>
    /// A waterfall step rounded to the same whole unit as the rest of its waterfall — four significant figures of the
    /// <paramref name="reference"/> (its baseline) — so that the changes shown are the differences of the levels shown.
    /// </summary>
    public static Usd OnGrid(Usd value, Usd reference)
    {
        if (reference.Value == 0m) return value.RoundedToCents;
        var unit = (decimal)Math.Pow(10, Math.Max(-2, Math.Floor(Math.Log10((double)Math.Abs(reference.Value))) - 3));
        return new Usd(Math.Round(value.Value / unit, MidpointRounding.AwayFromZero) * unit);
    }

    /// <summary>A p-value: <c>p &lt; 0.001</c> below a thousandth, never <c>p = 0</c>.</summary>
    public static string PValue(double p) => GapClassifier.PText(p);

    /// <summary>Dollars to the cent without symbol or grouping, for CSV: <c>-210.00</c>.</summary>
    public static string Plain(Usd value) => value.RoundedToCents.Value.ToString("0.00", Invariant);

    /// <summary>Compact dollars for chart axes and labels: <c>$950</c>, <c>$12.5k</c>, <c>$1.25M</c>.</summary>
    public static string CompactMoney(double value)
    {
        var sign = value < 0 ? "-" : "";
        var a = Math.Abs(value);
        return a switch
        {
            >= 1e9 => sign + "$" + (a / 1e9).ToString("0.##", Invariant) + "B",
            >= 1e6 => sign + "$" + (a / 1e6).ToString("0.##", Invariant) + "M",
            >= 1e3 => sign + "$" + (a / 1e3).ToString("0.#", Invariant) + "k",
            _ => sign + "$" + a.ToString("0", Invariant),
        };
    }

    /// <summary>A ratio as a percent with one decimal: 0.123 → <c>12.3%</c>.</summary>
    public static string Percent(double ratio) =>
        double.IsFinite(ratio) ? (ratio * 100).ToString("0.0", Invariant) + "%" : "n/a";

    /// <summary>
    /// A simulated probability as a percent with one decimal, rounded half away from zero and never <c>100.0%</c> or
    /// <c>0.0%</c> short of certainty: 0.9996 → <c>over 99.9%</c>, 0.0004 → <c>under 0.1%</c>.
    /// </summary>
    public static string Probability(double p) => Recommit.Simulation.Probability.Percent(p, 1, "%");

    /// <summary>A ratio as a signed percent: 0.123 → <c>+12.3%</c>, −0.05 → <c>−5.0%</c>.</summary>
    public static string SignedPercent(double ratio)
    {
        if (!double.IsFinite(ratio)) return "n/a";
        var p = Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero);
        return (p > 0 ? "+" : p < 0 ? "−" : "") + Math.Abs(p).ToString("0.0", Invariant) + "%";
    }

    /// <summary>A change of a ratio in percentage points: 0.085 → <c>+8.5 percentage points</c>.</summary>
    public static string SignedPoints(double ratio) =>
        SignedPercent(ratio).Replace("%", " percentage points", StringComparison.Ordinal);

    public static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, Invariant) : "n/a";

    public static string Count(long value) => value.ToString("#,##0", Invariant);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>Words joined as a list: <c>routing</c>, <c>caching and batch</c>, <c>routing, caching and batch</c>; capitalised.</summary>
    public static string List(IEnumerable<string> words)
    {
        var w = words.ToList();
        var text = w.Count <= 1 ? string.Concat(w) : string.Join(", ", w.Take(w.Count - 1)) + " and " + w[^1];
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The verdict as a heading: <c>Durable overage</c>, <c>On pace</c>, …</summary>
    public static string Verdict(GapClass gap) => gap switch
    {
        GapClass.InsufficientEvidence => "Insufficient evidence",
        GapClass.OnPace => "On pace",
        GapClass.Seasonal => "Seasonal swing",
        GapClass.DurableOverage => "Durable overage",
        GapClass.DurableShortfall => "Durable shortfall",
        GapClass.Noise => "Noise",
        _ => gap.ToString(),
    };
}
