using Recommit.Usage;

namespace Recommit.DemoData;

/// <summary>
/// List prices used only to size the demo data (standard tier, global, per MTok input/output): Opus 3, 4 and 4.1
/// $15/$75, Opus 4.5 and 4.6 $5/$25, every Sonnet $3/$15, Haiku 3.5 $0.80/$4, Haiku 4.5 $1/$5; 5-minute cache write
/// 1.25× input, read 0.1×; batch half. The product prices usage through its own price book, not through this class.
/// </summary>
/// <remarks>
/// Each family's models are listed oldest first with their public launch day; on any day the demo uses the newest one
/// launched by then (<see cref="OnSale"/>), so no usage falls before its model's launch. The built-in price book
/// records launch days only for the 2026 models; where it has one, it must agree with this table (a test checks).
/// </remarks>
public static class ReferencePrices
{
    public const string Opus = "claude-opus-4-6";
    public const string Sonnet = "claude-sonnet-4-6";
    public const string Haiku = "claude-haiku-4-5";

    /// <summary>The models of each demo family (opus, sonnet, haiku), oldest first, with the day each was launched.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Model, DateOnly Launched)>> Families { get; } =
    [
        [("claude-3-opus", new(2024, 3, 4)), ("claude-opus-4", new(2025, 5, 22)), ("claude-opus-4-1", new(2025, 8, 5)),
         ("claude-opus-4-5", new(2025, 11, 24)), (Opus, new(2026, 2, 5))],
        [("claude-3-7-sonnet", new(2025, 2, 24)), ("claude-sonnet-4", new(2025, 5, 22)), ("claude-sonnet-4-5", new(2025, 9, 29)),
         (Sonnet, new(2026, 2, 17))],
        [("claude-3-5-haiku", new(2024, 11, 4)), (Haiku, new(2025, 10, 15))],
    ];

    /// <summary>The newest model of <paramref name="family"/> launched by <paramref name="day"/>.</summary>
    public static string OnSale(IReadOnlyList<(string Model, DateOnly Launched)> family, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(family);
        for (var i = family.Count - 1; i >= 0; i--)
            if (family[i].Launched <= day) return family[i].Model;
        throw new InvalidOperationException($"no model of {family[0].Model}'s family is on sale on {day:yyyy-MM-dd}");
    }

    /// <summary>The launch day of a demo model.</summary>
    public static DateOnly Launched(string model)
    {
        foreach (var family in Families)
            foreach (var (name, launched) in family)
                if (name == model) return launched;
        throw new ArgumentOutOfRangeException(nameof(model), model, "not a demo model");
    }

    public static (double Input, double Output) Of(string model) => model switch
    {
        "claude-3-opus" or "claude-opus-4" or "claude-opus-4-1" => (15, 75),
        "claude-opus-4-5" or Opus => (5, 25),
        "claude-3-7-sonnet" or "claude-sonnet-4" or "claude-sonnet-4-5" or Sonnet => (3, 15),
        "claude-3-5-haiku" => (0.8, 4),
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
