namespace Recommit.Levers;

/// <summary>
/// The uncertainty of a lever's share or rate (docs/method.md §5): a closed range [Low, High] sampled uniformly once per
/// simulated path. A point value is the range [v, v].
/// </summary>
internal readonly record struct UncertainRange(decimal Low, decimal High)
{
    public static UncertainRange Point(decimal value) => new(value, value);

    /// <summary>The value at uniform quantile <paramref name="u"/> in [0, 1).</summary>
    public double Sample(double u) => (double)Low + u * (double)(High - Low);

    public bool Contains(decimal value) => value >= Low && value <= High;
}
