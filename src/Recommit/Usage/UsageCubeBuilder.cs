namespace Recommit.Usage;

/// <summary>
/// Accumulates usage into a <see cref="UsageCube"/>. <see cref="Add"/> sums tokens into a cell (several request
/// rows of one day are one cell); <see cref="Set"/> replaces a cell's value, which is how re-imported overlapping
/// buckets are de-duplicated on the natural key.
/// </summary>
public sealed class UsageCubeBuilder
{
    private readonly Dictionary<UsageKey, int> _index = [];
    private readonly List<UsageKey> _keys = [];
    private readonly List<long> _tokens = [];

    public int Count => _keys.Count;

    /// <summary>Adds <paramref name="tokens"/> to the cell; negative counts are a programmer error (importers reject them).</summary>
    public void Add(in UsageKey key, long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        if (_index.TryGetValue(key, out var i))
        {
            _tokens[i] = checked(_tokens[i] + tokens);
            return;
        }
        _index.Add(key, _keys.Count);
        _keys.Add(key);
        _tokens.Add(tokens);
    }

    /// <summary>Sets the cell to <paramref name="tokens"/>; returns true when the cell already existed (a duplicate).</summary>
    public bool Set(in UsageKey key, long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        if (_index.TryGetValue(key, out var i))
        {
            _tokens[i] = tokens;
            return true;
        }
        _index.Add(key, _keys.Count);
        _keys.Add(key);
        _tokens.Add(tokens);
        return false;
    }

    /// <summary>Adds every cell of a cube.</summary>
    public void AddAll(UsageCube cube)
    {
        for (var i = 0; i < cube.Count; i++) Add(cube.Key(i), cube.Tokens(i));
    }

    /// <summary>Freezes the cells, sorted by day then the other dimensions, into a column-wise cube.</summary>
    public UsageCube Build()
    {
        var n = _keys.Count;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => Compare(_keys[a], _keys[b]));

        var workspaces = new Dictionary<string, int>(StringComparer.Ordinal);
        var models = new Dictionary<string, int>(StringComparer.Ordinal);
        var day = new int[n]; var channel = new byte[n]; var ws = new int[n]; var model = new int[n];
        var tier = new byte[n]; var band = new byte[n]; var geo = new byte[n]; var speed = new byte[n]; var kind = new byte[n];
        var tokens = new long[n];
        for (var j = 0; j < n; j++)
        {
            var k = _keys[order[j]];
            day[j] = k.Day.DayNumber;
            channel[j] = (byte)k.Channel;
            ws[j] = Intern(workspaces, k.Workspace ?? "");
            model[j] = Intern(models, k.Model);
            tier[j] = (byte)k.Tier; band[j] = (byte)k.Band; geo[j] = (byte)k.Geo; speed[j] = (byte)k.Speed; kind[j] = (byte)k.Kind;
            tokens[j] = _tokens[order[j]];
        }
        return new UsageCube(n, day, channel, ws, model, tier, band, geo, speed, kind, tokens,
            [.. workspaces.OrderBy(p => p.Value).Select(p => p.Key)],
            [.. models.OrderBy(p => p.Value).Select(p => p.Key)]);
    }

    private static int Intern(Dictionary<string, int> map, string s)
    {
        if (!map.TryGetValue(s, out var i))
        {
            i = map.Count;
            map.Add(s, i);
        }
        return i;
    }

    private static int Compare(UsageKey a, UsageKey b)
    {
        var c = a.Day.CompareTo(b.Day);
        if (c != 0) return c;
        c = a.Channel.CompareTo(b.Channel); if (c != 0) return c;
        c = string.CompareOrdinal(a.Workspace, b.Workspace); if (c != 0) return c;
        c = string.CompareOrdinal(a.Model, b.Model); if (c != 0) return c;
        c = a.Tier.CompareTo(b.Tier); if (c != 0) return c;
        c = a.Band.CompareTo(b.Band); if (c != 0) return c;
        c = a.Geo.CompareTo(b.Geo); if (c != 0) return c;
        c = a.Speed.CompareTo(b.Speed); if (c != 0) return c;
        return a.Kind.CompareTo(b.Kind);
    }
}
