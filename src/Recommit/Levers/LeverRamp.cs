using System.Numerics;
using Recommit.Time;

namespace Recommit.Levers;

/// <summary>
/// The linear ramp of a lever's strength (docs/method.md §5): with start month m0 and ramp length L, the strength in month
/// m0 + j is min(1, j / L); 0 before m0 and in m0 itself (unless L = 0, which means full at once).
/// </summary>
internal static class LeverRamp
{
    /// <summary>Strength of a lever starting in <paramref name="start"/> with a ramp of <paramref name="rampMonths"/> in <paramref name="month"/>.</summary>
    public static T Strength<T>(YearMonth start, int rampMonths, YearMonth month) where T : INumber<T> =>
        Strength<T>(start.Ordinal, rampMonths, month.Ordinal);

    internal static T Strength<T>(int startOrdinal, int rampMonths, int monthOrdinal) where T : INumber<T>
    {
        var j = monthOrdinal - startOrdinal;
        if (j < 0) return T.Zero;
        if (rampMonths <= 0 || j >= rampMonths) return T.One;
        return T.CreateChecked(j) / T.CreateChecked(rampMonths);
    }
}
