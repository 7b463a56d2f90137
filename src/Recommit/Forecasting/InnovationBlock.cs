using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Recommit.Forecasting;

/// <summary>
/// The fixed block of standard-normal innovations from which prediction intervals are simulated, so the same input
/// always gives the same intervals. Latin hypercube sampling: at each step the <see cref="Paths"/> draws are the
/// normal quantiles at (i + ½)/N, shuffled by a generator seeded with the step (Xoshiro256**), so the tails are
/// covered evenly with few paths, steps stay independent, and the first steps do not depend on the horizon.
/// </summary>
internal static class InnovationBlock
{
    public const int Paths = 1000;
    private const int Seed = 20_260_401;
    private static double[] _block = [];
    private static int _stride;
    private static readonly Lock Gate = new();

    /// <summary>Innovations for path p and step h at <c>[p * stride + h]</c>.</summary>
    public static (double[] Block, int Stride) For(int horizon)
    {
        lock (Gate)
        {
            if (_stride < horizon)
            {
                var stride = Math.Max(horizon, 24);
                var block = new double[Paths * stride];
                var quantiles = new double[Paths];
                for (var i = 0; i < Paths; i++) quantiles[i] = Normal.InvCDF(0, 1, (i + 0.5) / Paths);
                var order = new int[Paths];
                for (var h = 0; h < stride; h++)
                {
                    for (var i = 0; i < Paths; i++) order[i] = i;
                    new Xoshiro256StarStar(Seed + h, threadSafe: false).Shuffle(order);
                    for (var p = 0; p < Paths; p++) block[p * stride + h] = quantiles[order[p]];
                }
                _block = block;
                _stride = stride;
            }
            return (_block, _stride);
        }
    }
}
