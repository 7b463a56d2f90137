using System.Collections.Immutable;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Analysis;

/// <summary>
/// One usage series for the reforecast (docs/method.md §4): a model family × token kind, its monthly token totals over full
/// months (oldest first, from the series' first month with usage), and how its recent tokens split over (model,
/// service tier) — the mix the simulation spreads forecast tokens with.
/// </summary>
internal sealed record UsageSeries(string Family, TokenKind Kind, YearMonth FirstMonth, double[] History, ImmutableArray<(string Model, ServiceTier Tier, double Weight)> Mix)
{
    public string Name => $"{Family}/{Kind.Name()}";

    /// <summary>
    /// Builds the series from the cube's full months in [<paramref name="from"/>, <paramref name="until"/>). The mix
    /// comes from the last three of those months (the whole history when they hold none of the series' tokens).
    /// </summary>
    public static ImmutableArray<UsageSeries> Build(UsageCube cube, PriceBook book, YearMonth from, YearMonth until)
    {
        var n = from.MonthsUntil(until);
        if (n <= 0) return [];
        var canonical = new string[cube.Models.Length];
        var family = new string[cube.Models.Length];
        for (var m = 0; m < cube.Models.Length; m++)
        {
            var id = book.Resolve(cube.Models[m]);
            canonical[m] = id.Value;
            family[m] = book.Info(id).Family;
        }
        var totals = new Dictionary<(string, TokenKind), double[]>();
        var recent = new Dictionary<(string, TokenKind), Dictionary<(string, ServiceTier), double>>();
        var all = new Dictionary<(string, TokenKind), Dictionary<(string, ServiceTier), double>>();
        var recentFrom = until.AddMonths(-3);
        for (var i = 0; i < cube.Count; i++)
        {
            var month = YearMonth.Of(cube.Day(i));
            if (month < from || month >= until) continue;
            var mi = cube.ModelIndex(i);
            var key = (family[mi], cube.Kind(i));
            if (!totals.TryGetValue(key, out var arr)) totals[key] = arr = new double[n];
            double tokens = cube.Tokens(i);
            arr[from.MonthsUntil(month)] += tokens;
            Accumulate(all, key, (canonical[mi], cube.Tier(i)), tokens);
            if (month >= recentFrom) Accumulate(recent, key, (canonical[mi], cube.Tier(i)), tokens);
        }
        var result = ImmutableArray.CreateBuilder<UsageSeries>();
        foreach (var (key, arr) in totals.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2))
        {
            var start = Array.FindIndex(arr, v => v > 0);
            if (start < 0) continue;
            var weights = recent.TryGetValue(key, out var r) && r.Values.Sum() > 0 ? r : all[key];
            var sum = weights.Values.Sum();
            var mix = weights.Where(w => w.Value > 0).OrderBy(w => w.Key.Item1, StringComparer.Ordinal).ThenBy(w => w.Key.Item2)
                .Select(w => (w.Key.Item1, w.Key.Item2, w.Value / sum)).ToImmutableArray();
            result.Add(new UsageSeries(key.Item1, key.Item2, from.AddMonths(start), arr[start..], mix));
        }
        return result.ToImmutable();
    }

    private static void Accumulate(Dictionary<(string, TokenKind), Dictionary<(string, ServiceTier), double>> map, (string, TokenKind) key, (string, ServiceTier) cell, double tokens)
    {
        if (!map.TryGetValue(key, out var d)) map[key] = d = [];
        d[cell] = d.GetValueOrDefault(cell) + tokens;
    }
}
