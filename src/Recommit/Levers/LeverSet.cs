using System.Collections.Immutable;
using System.Numerics;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Levers;

/// <summary>
/// A <see cref="LeverPlan"/> resolved against a <see cref="TokenLayout"/>: model names mapped to cells, token
/// inflation defaulted from tokenizer generations, and every target checked to be a known model sold on the date the
/// lever starts. <see cref="Apply{T}"/> is the pure lever function of docs/method.md §5 over one month's token vector; it is
/// generic so the same code runs in exact <see cref="decimal"/> (worked examples, the deterministic waterfall) and in
/// <see cref="double"/> (the Monte Carlo).
/// </summary>
public sealed class LeverSet
{
    private readonly Resolved[] _levers;

    private LeverSet(TokenLayout layout, Resolved[] levers, int valueCount)
    {
        Layout = layout;
        _levers = levers;
        ValueCount = valueCount;
    }

    public TokenLayout Layout { get; }

    /// <summary>Number of uncertain values drawn per path (one per routing or batch share, two per caching lever).</summary>
    public int ValueCount { get; }

    public int Count => _levers.Length;

    public static LeverSet Empty(TokenLayout layout) => new(layout, [], 0);

    /// <summary>
    /// Resolves <paramref name="plan"/>. <paramref name="info"/> maps a model name to what the price book knows about
    /// it (null when unknown); every model a lever names must be in <paramref name="layout"/> under its canonical id.
    /// </summary>
    /// <exception cref="LeverException">A lever names an unknown model, or a model retired (or not yet released) in its start month.</exception>
    public static LeverSet Resolve(LeverPlan plan, TokenLayout layout, Func<string, ModelInfo?> info)
    {
        var list = new List<Resolved>();
        var offset = 0;
        var ordered = plan.IsEmpty ? [] : plan.Levers.Select((l, i) => (l, i)).OrderBy(p => p.l.Kind).ThenBy(p => p.i).ToList();
        foreach (var (lever, i) in ordered)
        {
            var day = lever.Start.FirstDay;
            switch (lever)
            {
                case RoutingLever r:
                    {
                        var from = Model(info, layout, r.From, day, i, "from", requireSold: false);
                        var to = Model(info, layout, r.To, day, i, "to", requireSold: true);
                        var inflation = r.TokenInflation ?? RoutingLever.DefaultInflation(from.Info.TokenizerGeneration, to.Info.TokenizerGeneration);
                        list.Add(new Resolved(LeverKind.Routing, lever.Start.Ordinal, lever.RampMonths, from.Index, to.Index, inflation, TokenKind.CacheWrite5m, offset, [r.Share]));
                        offset += 1;
                        break;
                    }
                case CachingLever c:
                    {
                        var m = c.Model is null ? -1 : Model(info, layout, c.Model, day, i, "model", requireSold: true).Index;
                        var write = c.Write == CacheWriteDuration.OneHour ? TokenKind.CacheWrite1h : TokenKind.CacheWrite5m;
                        list.Add(new Resolved(LeverKind.Caching, lever.Start.Ordinal, lever.RampMonths, m, m, 1m, write, offset, [c.CacheableShare, c.HitRate]));
                        offset += 2;
                        break;
                    }
                case BatchLever b:
                    {
                        var m = b.Model is null ? -1 : Model(info, layout, b.Model, day, i, "model", requireSold: true).Index;
                        list.Add(new Resolved(LeverKind.Batch, lever.Start.Ordinal, lever.RampMonths, m, m, 1m, TokenKind.CacheWrite5m, offset, [b.Share]));
                        offset += 1;
                        break;
                    }
                default:
                    throw new ArgumentException($"unsupported lever type {lever.GetType().Name}", nameof(plan));
            }
        }
        return new LeverSet(layout, [.. list], offset);
    }

    /// <summary>The midpoint of every lever's range (the deterministic value), in the layout <see cref="Apply{T}"/> reads.</summary>
    public T[] MidpointValues<T>() where T : INumber<T>
    {
        var v = new T[ValueCount];
        foreach (var l in _levers)
            for (var j = 0; j < l.Ranges.Length; j++)
                v[l.ValueOffset + j] = T.CreateChecked((l.Ranges[j].Low + l.Ranges[j].High) / 2m);
        return v;
    }

    /// <summary>Draws every lever's values uniformly within its range from uniforms <paramref name="uniforms"/> in [0, 1).</summary>
    public void SampleValues(ReadOnlySpan<double> uniforms, Span<double> values)
    {
        foreach (var l in _levers)
            for (var j = 0; j < l.Ranges.Length; j++)
                values[l.ValueOffset + j] = l.Ranges[j].Sample(uniforms[l.ValueOffset + j]);
    }

    /// <summary>
    /// Applies the levers of <paramref name="stage"/> (or every stage, in order, when null) to one month's token
    /// vector <paramref name="cells"/> in place. <paramref name="values"/> holds the lever values for this path
    /// (<see cref="MidpointValues{T}"/> or <see cref="SampleValues"/>).
    /// </summary>
    public void Apply<T>(Span<T> cells, int monthOrdinal, ReadOnlySpan<T> values, LeverKind? stage = null) where T : INumber<T>
    {
        var models = Layout.Models.Length;
        foreach (var l in _levers)
        {
            if (stage is { } s && l.Kind != s) continue;
            var strength = LeverRamp.Strength<T>(l.StartOrdinal, l.RampMonths, monthOrdinal);
            if (strength == T.Zero) continue;
            switch (l.Kind)
            {
                case LeverKind.Routing:
                    {
                        var share = values[l.ValueOffset] * strength;
                        var inflation = T.CreateChecked(l.Inflation);
                        var from = l.From * TokenLayout.CellsPerModel;
                        var to = l.To * TokenLayout.CellsPerModel;
                        for (var c = 0; c < TokenLayout.CellsPerModel; c++)
                        {
                            var moved = cells[from + c] * share;
                            if (moved == T.Zero) continue;
                            cells[from + c] -= moved;
                            // Web searches are uses, not text: the tokenizer does not change their count.
                            cells[to + c] += c % TokenLayout.Kinds == (int)TokenKind.WebSearch ? moved : moved * inflation;
                        }
                        break;
                    }
                case LeverKind.Caching:
                    {
                        var cacheable = values[l.ValueOffset] * strength;
                        var hit = values[l.ValueOffset + 1];
                        for (var m = 0; m < models; m++)
                        {
                            if (l.From >= 0 && m != l.From) continue;
                            for (var t = 0; t < TokenLayout.Tiers; t++)
                            {
                                var input = TokenLayout.Cell(m, (ServiceTier)t, TokenKind.UncachedInput);
                                var cached = cells[input] * cacheable;
                                if (cached == T.Zero) continue;
                                var reads = cached * hit;
                                cells[input] -= cached;
                                cells[TokenLayout.Cell(m, (ServiceTier)t, TokenKind.CacheRead)] += reads;
                                cells[TokenLayout.Cell(m, (ServiceTier)t, l.WriteKind)] += cached - reads;
                            }
                        }
                        break;
                    }
                case LeverKind.Batch:
                    {
                        var share = values[l.ValueOffset] * strength;
                        for (var m = 0; m < models; m++)
                        {
                            if (l.From >= 0 && m != l.From) continue;
                            for (var t = 0; t < TokenLayout.Tiers; t++)
                            {
                                if (t == (int)ServiceTier.Batch) continue;
                                for (var k = 0; k < TokenLayout.Kinds; k++)
                                {
                                    if (k == (int)TokenKind.WebSearch) continue;
                                    var source = TokenLayout.Cell(m, (ServiceTier)t, (TokenKind)k);
                                    var moved = cells[source] * share;
                                    cells[source] -= moved;
                                    cells[TokenLayout.Cell(m, ServiceTier.Batch, (TokenKind)k)] += moved;
                                }
                            }
                        }
                        break;
                    }
            }
        }
    }

    /// <summary>List dollars of a token vector: Σ cells × prices.</summary>
    public static T Price<T>(ReadOnlySpan<T> cells, ReadOnlySpan<T> prices) where T : INumber<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < cells.Length; i++) sum += cells[i] * prices[i];
        return sum;
    }

    private static (int Index, ModelInfo Info) Model(Func<string, ModelInfo?> info, TokenLayout layout, string name, DateOnly day, int lever, string field, bool requireSold)
    {
        var mi = info(name) ?? throw new LeverException($"levers[{lever}].{field}: unknown model '{name}' (not in the price book)");
        if (requireSold && mi.Retired is { } retired && retired <= day)
            throw new LeverException($"levers[{lever}].{field}: model '{name}' is retired on {day:yyyy-MM-dd} (retired {retired:yyyy-MM-dd}); choose a model sold when the lever starts");
        if (requireSold && mi.Released is { } released && released > day.AddMonths(1).AddDays(-1))
            throw new LeverException($"levers[{lever}].{field}: model '{name}' is not released in the lever's start month (released {released:yyyy-MM-dd})");
        var index = layout.IndexOf(mi.Id.Value);
        if (index < 0) throw new ArgumentException($"the token layout does not hold model '{mi.Id.Value}' named by levers[{lever}].{field}", nameof(layout));
        return (index, mi);
    }

    private sealed record Resolved(LeverKind Kind, int StartOrdinal, int RampMonths, int From, int To, decimal Inflation, TokenKind WriteKind, int ValueOffset, ImmutableArray<UncertainRange> Ranges);
}
