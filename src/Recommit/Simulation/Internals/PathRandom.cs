namespace Recommit.Simulation.Internals;

/// <summary>
/// The random stream of one simulated path: xoshiro256** (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom
/// number generators", the generator MathNet.Numerics ships as <c>Xoshiro256StarStar</c>) with its 256-bit state
/// filled by SplitMix64 from (seed, path index), so each path's stream depends only on the seed and its index and a
/// parallel loop over paths gives identical results however it is scheduled. MathNet's class takes only a 32-bit
/// seed, too few bits to key 10,000 paths without collisions; hence this struct. Normals by the Box–Muller transform.
/// </summary>
internal struct PathRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    public PathRandom(ulong seed, long path)
    {
        var x = unchecked(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(path + 1)));
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>A generator with an explicit state (for checking against the reference implementation).</summary>
    internal static PathRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new() { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };

    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        var u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        var u2 = NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
        _spare = r * sin;
        _hasSpare = true;
        return r * cos;
    }

    public void FillGaussian(Span<double> values)
    {
        for (var i = 0; i < values.Length; i++) values[i] = NextGaussian();
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
