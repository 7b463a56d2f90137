using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Recommit.Usage;

/// <summary>
/// Accumulates usage into a <see cref="UsageCube"/>. <see cref="Add"/> sums tokens into a cell (several request
/// rows of one day are one cell); <see cref="Set"/> replaces a cell's value, which is how re-imported overlapping
/// buckets are de-duplicated on the natural key.
/// </summary>
/// <remarks>
/// Workspace and model names are interned as they arrive, so a key is held by small integers; a caller that passes
/// the same string instance again (the usual case: one model name for many cells) skips the string lookup. One entry
/// holds a key's group of token kinds (the key without its kind), with the kinds' sums side by side.
/// </remarks>
public sealed class UsageCubeBuilder
{
    /// <summary>The token kinds a group holds, one slot each.</summary>
    private static readonly int KindCount = Enum.GetValues<TokenKind>().Length;

    private readonly Dictionary<Group, int> _index = [];
    private readonly List<Group> _groups = [];
    // Each group's sums, KindCount slots a group, and which of its slots hold a cell (bit k for kind k).
    private long[] _tokens = new long[64 * KindCount];
    private byte[] _present = new byte[64];
    private readonly Names _workspaces = new();
    private readonly Names _models = new();
    // The group of the last call, so that one key's kinds added one by one cost a single lookup.
    private Group _lastGroup;
    private int _lastIndex = -1;

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="tokens"/> to the cell; negative counts are a programmer error (importers reject them).</summary>
    public void Add(in UsageKey key, long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        var slot = Slot(key, out var exists);
        _tokens[slot] = exists ? checked(_tokens[slot] + tokens) : tokens;
    }

    /// <summary>
    /// Adds <c>tokens[i]</c> to the cell of <paramref name="key"/> with <see cref="UsageKey.Kind"/> =
    /// <c>kinds[i]</c>, for each i in order: the cells and sums are those of one <see cref="Add"/> per kind (the key's
    /// own kind is not used), with the key looked up once. Returns -1, or the index of the first kind whose cell would
    /// pass <see cref="long.MaxValue"/>; that cell and the ones after it are left as they were.
    /// </summary>
    public int AddKinds(in UsageKey key, ReadOnlySpan<TokenKind> kinds, ReadOnlySpan<long> tokens) =>
        AddKinds(SeriesOf(key), key.Day, kinds, tokens);

    /// <summary>
    /// A key without its day and kind (channel, workspace, model, tier, band, geography, speed), its names looked up
    /// once, for an importer that adds many days of one series: see
    /// <see cref="AddKinds(Series, DateOnly, ReadOnlySpan{TokenKind}, ReadOnlySpan{long})"/>. It belongs to this builder.
    /// </summary>
    public Series SeriesOf(in UsageKey key) =>
        new(_workspaces.Id(key.Workspace ?? ""), _models.Id(key.Model), Group.Pack((byte)key.Channel, (byte)key.Tier, (byte)key.Band, (byte)key.Geo, (byte)key.Speed));

    /// <summary>
    /// <see cref="AddKinds(in UsageKey, ReadOnlySpan{TokenKind}, ReadOnlySpan{long})"/> for the key of
    /// <paramref name="series"/> (made by this builder's <see cref="SeriesOf"/>) on <paramref name="day"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int AddKinds(Series series, DateOnly day, ReadOnlySpan<TokenKind> kinds, ReadOnlySpan<long> tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(tokens.Length, kinds.Length, nameof(tokens));
        if (kinds.IsEmpty) return -1;
        var g = GroupIndex(new Group(day.DayNumber, series.Workspace, series.Model, series.Packed));
        for (var i = 0; i < kinds.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(tokens[i]);
            var k = KindOf(kinds[i]);
            var slot = g * KindCount + k;
            var bit = (byte)(1 << k);
            if ((_present[g] & bit) == 0)
            {
                _present[g] |= bit;
                _tokens[slot] = tokens[i];
                Count++;
            }
            else if (tokens[i] > long.MaxValue - _tokens[slot]) return i;
            else _tokens[slot] += tokens[i];
        }
        return -1;
    }

    /// <summary>Sets the cell to <paramref name="tokens"/>; returns true when the cell already existed (a duplicate).</summary>
    public bool Set(in UsageKey key, long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        var slot = Slot(key, out var exists);
        _tokens[slot] = tokens;
        return exists;
    }

    /// <summary>Adds every cell of a cube.</summary>
    public void AddAll(UsageCube cube)
    {
        for (var i = 0; i < cube.Count; i++) Add(cube.Key(i), cube.Tokens(i));
    }

    /// <summary>
    /// Freezes the cells, sorted by day, channel, workspace, model (ordinal), tier, band, geography, speed and kind,
    /// into a column-wise cube whose name tables are in ordinal order.
    /// </summary>
    public UsageCube Build() => Build([this]);

    /// <summary>
    /// One cube of builders filled side by side over separate days, each one's days all before the next one's (an
    /// <see cref="ArgumentException"/> otherwise): the cube <see cref="Build()"/> would give had one builder taken all
    /// the cells, with each builder's share sorted and copied on its own thread and no cell merged.
    /// </summary>
    public static UsageCube Build(IReadOnlyList<UsageCubeBuilder> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var workspaces = Union(parts.Select(p => p._workspaces));
        var models = Union(parts.Select(p => p._models));
        var offsets = new int[parts.Count + 1];
        for (var p = 0; p < parts.Count; p++) offsets[p + 1] = offsets[p] + parts[p].Count;
        var n = offsets[^1];
        var day = new int[n]; var channel = new byte[n]; var ws = new int[n]; var model = new int[n];
        var tier = new byte[n]; var band = new byte[n]; var geo = new byte[n]; var speed = new byte[n]; var kind = new byte[n];
        var tokens = new long[n];
        var days = new (int First, int Last)[parts.Count];
        Parallel.For(0, parts.Count, p =>
        {
            var part = parts[p];
            var wsRank = part._workspaces.Ranks(workspaces);
            var modelRank = part._models.Ranks(models);
            var (order, first, last) = part.SortedOrder(wsRank, modelRank);
            days[p] = (first, last);
            var j = offsets[p];
            foreach (var g in order)
            {
                var c = part._groups[g];
                int present = part._present[g], d = c.Day, w = wsRank[c.Workspace], m = modelRank[c.Model];
                byte ch = c.Part(5), t = c.Part(4), b = c.Part(3), ge = c.Part(2), sp = c.Part(1);
                for (var k = 0; present != 0; k++, present >>= 1)
                {
                    if ((present & 1) == 0) continue;
                    day[j] = d; ws[j] = w; model[j] = m;
                    channel[j] = ch; tier[j] = t; band[j] = b; geo[j] = ge; speed[j] = sp; kind[j] = (byte)k;
                    tokens[j] = part._tokens[g * KindCount + k];
                    j++;
                }
            }
        });
        var previous = int.MinValue;
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p].Count == 0) continue;
            if (days[p].First <= previous)
                throw new ArgumentException($"builder {p + 1} has a day ({DateOnly.FromDayNumber(days[p].First):yyyy-MM-dd}) not after every day of the builders before it", nameof(parts));
            previous = days[p].Last;
        }
        return new UsageCube(n, day, channel, ws, model, tier, band, geo, speed, kind, tokens, [.. workspaces], [.. models]);

        // Every name of the tables, in ordinal order.
        static string[] Union(IEnumerable<Names> tables)
        {
            var all = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in tables) all.UnionWith(table.All);
            var sorted = all.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            return sorted;
        }
    }

    private static int KindOf(TokenKind kind) =>
        (uint)kind < (uint)KindCount ? (int)kind : throw new ArgumentOutOfRangeException(nameof(kind), "a usage key holds an undefined dimension value");

    /// <summary>The index of the key's group (everything but the kind), added when new.</summary>
    private int GroupIndex(in UsageKey key) =>
        GroupIndex(new Group(key.Day.DayNumber, _workspaces.Id(key.Workspace ?? ""), _models.Id(key.Model),
            Group.Pack((byte)key.Channel, (byte)key.Tier, (byte)key.Band, (byte)key.Geo, (byte)key.Speed)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GroupIndex(Group group)
    {
        if (_lastIndex >= 0 && group == _lastGroup) return _lastIndex;
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, group, out var exists);
        if (!exists)
        {
            index = _groups.Count;
            _groups.Add(group);
            if (index == _present.Length)
            {
                Array.Resize(ref _present, index * 2);
                Array.Resize(ref _tokens, index * 2 * KindCount);
            }
        }
        (_lastGroup, _lastIndex) = (group, index);
        return index;
    }

    /// <summary>The slot of the key's cell in <see cref="_tokens"/>; a new cell is marked present (the caller sets its tokens).</summary>
    private int Slot(in UsageKey key, out bool exists)
    {
        var g = GroupIndex(key);
        var k = KindOf(key.Kind);
        var bit = (byte)(1 << k);
        exists = (_present[g] & bit) != 0;
        if (!exists)
        {
            _present[g] |= bit;
            Count++;
        }
        return g * KindCount + k;
    }

    /// <summary>
    /// The group order: one 64-bit sort key per group (day, channel, workspace rank, model rank, then the small
    /// dimensions) when the ranges fit, which is every real import, radix-sorted; otherwise a comparison sort on the
    /// same fields. Within a group the cells follow in kind order, so the cells come out sorted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int[] Order, int FirstDay, int LastDay) SortedOrder(int[] wsRank, int[] modelRank)
    {
        var n = _groups.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        int minDay = int.MaxValue, maxDay = int.MinValue;
        for (var g = 0; g < n; g++)
        {
            if (_present[g] == 0) continue;
            minDay = Math.Min(minDay, _groups[g].Day);
            maxDay = Math.Max(maxDay, _groups[g].Day);
        }
        if (n < 2) return (order, minDay, maxDay);
        int dayBits = Bits((ulong)(maxDay - minDay)), wsBits = Bits((ulong)wsRank.DefaultIfEmpty().Max()), modelBits = Bits((ulong)modelRank.DefaultIfEmpty().Max());
        if (dayBits + wsBits + modelBits + Group.PackedBits <= 64)
        {
            var keys = new ulong[n];
            for (var i = 0; i < n; i++)
            {
                var c = _groups[i];
                // The channel (the top packed part) sorts right after the day, before the workspace.
                var k = (ulong)(c.Day - minDay);
                k = (k << 4) | c.Part(5);
                k = (k << wsBits) | (uint)wsRank[c.Workspace];
                k = (k << modelBits) | (uint)modelRank[c.Model];
                k = (k << (Group.PackedBits - 4)) | (uint)c.Rest;
                keys[i] = k;
            }
            RadixSort(keys, order);
            return (order, minDay, maxDay);
        }
        Array.Sort(order, (a, b) =>
        {
            Group x = _groups[a], y = _groups[b];
            var r = x.Day.CompareTo(y.Day);
            if (r == 0) r = x.Part(5).CompareTo(y.Part(5));
            if (r == 0) r = wsRank[x.Workspace].CompareTo(wsRank[y.Workspace]);
            if (r == 0) r = modelRank[x.Model].CompareTo(modelRank[y.Model]);
            return r != 0 ? r : x.Rest.CompareTo(y.Rest);
        });
        return (order, minDay, maxDay);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending and <paramref name="items"/> with them, stably: a least-significant-digit
    /// radix sort over only the span of bits in which the keys differ, in as few passes of at most 12 bits as cover it,
    /// each a counting pass and a scatter. For the 220,000 groups of half of benchmark S6's import it took 0.004–0.009 s
    /// where <c>Array.Sort</c> of the keys with their items took 0.04 s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RadixSort(ulong[] keys, int[] items)
    {
        var n = keys.Length;
        if (n < 2) return;
        ulong differ = 0;
        for (var i = 1; i < n; i++) differ |= keys[i] ^ keys[0];
        if (differ == 0) return;
        int low = System.Numerics.BitOperations.TrailingZeroCount(differ), high = 64 - System.Numerics.BitOperations.LeadingZeroCount(differ);
        var passes = (high - low + 11) / 12;
        var width = (high - low + passes - 1) / passes;
        var mask = (1UL << width) - 1;
        var counts = new int[1 << width];
        ulong[] fromKeys = keys, toKeys = new ulong[n];
        int[] fromItems = items, toItems = new int[n];
        for (var shift = low; shift < high; shift += width)
        {
            Array.Clear(counts);
            for (var i = 0; i < n; i++) counts[(int)((fromKeys[i] >> shift) & mask)]++;
            var sum = 0;
            for (var d = 0; d < counts.Length; d++) (counts[d], sum) = (sum, sum + counts[d]);
            for (var i = 0; i < n; i++)
            {
                var at = counts[(int)((fromKeys[i] >> shift) & mask)]++;
                toKeys[at] = fromKeys[i];
                toItems[at] = fromItems[i];
            }
            (fromKeys, toKeys) = (toKeys, fromKeys);
            (fromItems, toItems) = (toItems, fromItems);
        }
        if (!ReferenceEquals(fromKeys, keys))
        {
            fromKeys.CopyTo(keys, 0);
            fromItems.CopyTo(items, 0);
        }
    }

    private static int Bits(ulong max) => max == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(max);

    /// <summary>A key's workspace and model ids in one builder and its small dimensions, packed as in a group.</summary>
    public readonly struct Series
    {
        internal Series(int workspace, int model, int packed) => (Workspace, Model, Packed) = (workspace, model, packed);

        internal int Workspace { get; }
        internal int Model { get; }
        internal int Packed { get; }
    }

    /// <summary>
    /// A key without its kind, of integers: day number, workspace id, model id, and the five small dimensions packed 4
    /// bits each, channel highest, so that <see cref="Rest"/> compares as tier, band, geography, speed.
    /// </summary>
    private readonly record struct Group(int Day, int Workspace, int Model, int Packed)
    {
        public const int PackedBits = 20;

        public static int Pack(byte channel, byte tier, byte band, byte geo, byte speed)
        {
            if ((channel | tier | band | geo | speed) > 0xF)
                throw new ArgumentOutOfRangeException(nameof(channel), "a usage key holds an undefined dimension value");
            return (channel << 16) | (tier << 12) | (band << 8) | (geo << 4) | speed;
        }

        /// <summary>Part 5 is the channel, then tier, band, geography and speed (part 1).</summary>
        public byte Part(int i) => (byte)((Packed >> (4 * (i - 1))) & 0xF);

        /// <summary>Everything below the channel.</summary>
        public int Rest => Packed & 0xFFFF;
    }

    /// <summary>A string table: names in arrival order with their ids, and the last name seen for a quick repeat.</summary>
    private sealed class Names
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];
        private string? _last;
        private int _lastId;

        public int Id(string name)
        {
            if (ReferenceEquals(name, _last)) return _lastId;
            if (!_ids.TryGetValue(name, out var id))
            {
                id = _names.Count;
                _ids.Add(name, id);
                _names.Add(name);
            }
            _last = name;
            _lastId = id;
            return id;
        }

        /// <summary>The names, in arrival order.</summary>
        public IReadOnlyList<string> All => _names;

        /// <summary>Each id's place in <paramref name="sorted"/>, an ordinal-sorted table holding every name of this one.</summary>
        public int[] Ranks(string[] sorted)
        {
            var rank = new int[_names.Count];
            for (var i = 0; i < rank.Length; i++) rank[i] = Array.BinarySearch(sorted, _names[i], StringComparer.Ordinal);
            return rank;
        }
    }
}
