using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Bench;

/// <summary>
/// A deterministic usage cube for the pricing benchmarks: <c>cells</c> cells over two years of days (sorted by day, as
/// the cube builder stores them), spread over a dozen models and every token kind, with batch, long-context, US-geo and
/// fast-mode cells where the price book prices them. Built column-wise, without the builder's dictionary.
/// </summary>
internal static class PricingWorkload
{
    private static readonly string[] ModelNames =
    [
        "claude-opus-5-5", "claude-opus-5", "claude-opus-4-8", "claude-opus-4-6", "claude-sonnet-5-5", "claude-sonnet-5",
        "claude-sonnet-4-6", "Claude Sonnet 4.5", "claude-haiku-5-5", "claude-haiku-4-5-20251001", "claude-fable-5-1", "claude-3-5-haiku",
    ];

    public static UsageCube Generate(int cells, PriceBook book, int seed = 20261124)
    {
        var first = new DateOnly(2025, 1, 1).DayNumber;
        const int days = 731;
        var probe = new DateOnly(2026, 11, 1);
        // Every (model, tier, band, geo, speed) the book prices, so that the cube is valid throughout.
        var combos = new List<(int Model, byte Tier, byte Band, byte Geo, byte Speed)>();
        for (var m = 0; m < ModelNames.Length; m++)
            for (byte tier = 0; tier < 2; tier++)
                for (byte band = 0; band < 2; band++)
                    for (byte geo = 0; geo < 2; geo++)
                        for (byte speed = 0; speed < 2; speed++)
                        {
                            try
                            {
                                book.UnitPrice(ModelNames[m], probe, TokenKind.Output, (ServiceTier)tier, (ContextBand)band, (InferenceGeo)geo, (Speed)speed);
                            }
                            catch (UnsupportedPricingException)
                            {
                                continue;
                            }
                            // Weight the common case: standard band, global, standard speed.
                            var weight = band == 0 && geo == 0 && speed == 0 ? 8 : 1;
                            for (var w = 0; w < weight; w++) combos.Add((m, tier, band, geo, speed));
                        }

        var rng = new Random(seed);
        var day = new int[cells]; var channel = new byte[cells]; var workspace = new int[cells]; var model = new int[cells];
        var tierCol = new byte[cells]; var bandCol = new byte[cells]; var geoCol = new byte[cells]; var speedCol = new byte[cells];
        var kind = new byte[cells]; var tokens = new long[cells];
        for (var i = 0; i < cells; i++)
        {
            var c = combos[rng.Next(combos.Count)];
            day[i] = first + (int)((long)i * days / cells);
            channel[i] = (byte)rng.Next(3);
            workspace[i] = rng.Next(50);
            model[i] = c.Model;
            tierCol[i] = c.Tier; bandCol[i] = c.Band; geoCol[i] = c.Geo; speedCol[i] = c.Speed;
            kind[i] = (byte)rng.Next(6);
            tokens[i] = kind[i] == (byte)TokenKind.WebSearch ? rng.Next(100) : rng.NextInt64(1, 5_000_000);
        }
        return new UsageCube(cells, day, channel, workspace, model, tierCol, bandCol, geoCol, speedCol, kind, tokens,
            [.. Enumerable.Range(0, 50).Select(w => $"workspace-{w:D2}")], [.. ModelNames]);
    }

    /// <summary>The simplest way to price a cube: every cell through <see cref="PriceBook.Cost"/>; the baseline.</summary>
    public static decimal PricePerCell(UsageCube cube, PriceBook book, int count)
    {
        var total = 0m;
        for (var i = 0; i < count; i++) total += book.Cost(cube.Key(i), cube.Tokens(i)).Value;
        return total;
    }

    /// <summary>The first <paramref name="count"/> cells of a cube.</summary>
    public static UsageCube Prefix(UsageCube cube, int count)
    {
        var b = new UsageCubeBuilder();
        for (var i = 0; i < count; i++) b.Add(cube.Key(i), cube.Tokens(i));
        return b.Build();
    }
}
