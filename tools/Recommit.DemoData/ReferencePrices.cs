using Recommit.Usage;

namespace Recommit.DemoData;

/// <summary>
/// List prices used only to size the demo data (REFERENCE-anthropic.md §1.2, standard tier, global): Opus 4.6
/// $5/$25, Sonnet 4.6 $3/$15, Haiku 4.5 $1/$5 per MTok input/output; 5-minute cache write 1.25× input, read 0.1×;
/// batch half. The product prices usage through its own price book, not through this class.
/// </summary>
public static class ReferencePrices
{
    public const string Opus = "claude-opus-4-6";
    public const string Sonnet = "claude-sonnet-4-6";
    public const string Haiku = "claude-haiku-4-5";

    public static (double Input, double Output) Of(string model) => model switch
    {
        Opus => (5, 25),
        Sonnet => (3, 15),
        Haiku => (1, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "not a demo model"),
    };

    /// <summary>List dollars of <paramref name="tokens"/> of a kind on a model and tier.</summary>
    public static double ListDollars(string model, TokenKind kind, ServiceTier tier, long tokens)
    {
        var (input, output) = Of(model);
        var perMTok = kind switch
        {
            TokenKind.UncachedInput => input,
            TokenKind.CacheWrite5m => input * 1.25,
            TokenKind.CacheWrite1h => input * 2,
            TokenKind.CacheRead => input * 0.1,
            TokenKind.Output => output,
            _ => 0,
        };
        return tokens / 1e6 * perMTok * (tier == ServiceTier.Batch ? 0.5 : 1);
    }

    /// <summary>List dollars by month of a cube under these prices.</summary>
    public static SortedDictionary<DateOnly, double> ByMonth(UsageCube cube)
    {
        var months = new SortedDictionary<DateOnly, double>();
        for (var i = 0; i < cube.Count; i++)
        {
            var d = cube.Day(i);
            var m = new DateOnly(d.Year, d.Month, 1);
            months[m] = months.GetValueOrDefault(m) + ListDollars(cube.Model(i), cube.Kind(i), cube.Tier(i), cube.Tokens(i));
        }
        return months;
    }
}
