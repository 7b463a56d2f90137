using System.Numerics;

namespace Recommit.Simulation.Internals;

/// <summary>SIMD helpers for the Monte Carlo's inner loop. Deterministic: the summation order depends only on the length.</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var acc = Vector<double>.Zero;
        var i = 0;
        var width = Vector<double>.Count;
        for (; i <= a.Length - width; i += width)
            acc += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
