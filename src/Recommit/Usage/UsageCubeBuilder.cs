using System.Runtime.InteropServices;

namespace Recommit.Usage;

/// <summary>
/// Accumulates usage into a <see cref="UsageCube"/>. <see cref="Add"/> sums tokens into a cell (several request
/// rows of one day are one cell); <see cref="Set"/> replaces a cell's value, which is how re-imported overlapping
/// buckets are de-duplicated on the natural key.
/// </summary>
/// <remarks>
/// Workspace and model names are interned as they arrive, so a cell is keyed by small integers; a caller that passes
/// the same string instance again (the usual case: one model name for many cells) skips the string lookup.
/// </remarks>
public sealed class UsageCubeBuilder
{
    private readonly Dictionary<Cell, int> _index = [];
    private readonly List<Cell> _cells = [];
    private readonly List<long> _tokens = [];
    private readonly Names _workspaces = new();
    private readonly Names _models = new();

    public int Count => _cells.Count;

    /// <summary>Adds <paramref name="tokens"/> to the cell; negative counts are a programmer error (importers reject them).</summary>
    public void Add(in UsageKey key, long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ref var slot = ref Slot(key, out var exists);
        if (exists) _tokens[slot] = checked(_tokens[slot] + tokens);
        else _tokens.Add(tokens);
    }

    /// <summary>
    /// Adds <c>tokens[i]</c> to the cell of <paramref name="key"/> with <see cref="UsageKey.Kind"/> =
    /// <c>kinds[i]</c>, for each i in order: the cells and sums are those of one <see cref="Add"/> per kind (the key's
    /// own kind is not used), with the workspace and model looked up once. Returns -1, or the index of the first kind
    /// whose cell would pass <see cref="long.MaxValue"/>; that cell and the ones after it are left as they were.
    /// </summary>
    public int AddKinds(in UsageKey key, ReadOnlySpan<TokenKind> kinds, ReadOnlySpan<long> tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(tokens.Length, kinds.Length, nameof(tokens));
        if (kinds.IsEmpty) return -1;
        var cell = CellOf(key with { Kind = kinds[0] });
        for (var i = 0; i < kinds.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(tokens[i]);
            var kindCell = cell with { Packed = (cell.Packed & ~0xF) | Cell.Pack(0, 0, 0, 0, 0, (byte)kinds[i]) };
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, kindCell, out var exists);
            if (!exists)
            {
                slot = _cells.Count;
                _cells.Add(kindCell);
                _tokens.Add(tokens[i]);
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
        ref var slot = ref Slot(key, out var exists);
        if (exists) _tokens[slot] = tokens;
        else _tokens.Add(tokens);
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
    public UsageCube Build()
    {
        var n = _cells.Count;
        var wsRank = _workspaces.Ranks(out var wsSorted);
        var modelRank = _models.Ranks(out var modelsSorted);
        var order = SortedOrder(wsRank, modelRank);

        var day = new int[n]; var channel = new byte[n]; var ws = new int[n]; var model = new int[n];
        var tier = new byte[n]; var band = new byte[n]; var geo = new byte[n]; var speed = new byte[n]; var kind = new byte[n];
        var tokens = new long[n];
        for (var j = 0; j < n; j++)
        {
            var c = _cells[order[j]];
            day[j] = c.Day;
            ws[j] = wsRank[c.Workspace];
            model[j] = modelRank[c.Model];
            channel[j] = c.Channel; tier[j] = c.Tier; band[j] = c.Band; geo[j] = c.Geo; speed[j] = c.Speed; kind[j] = c.Kind;
            tokens[j] = _tokens[order[j]];
        }
        return new UsageCube(n, day, channel, ws, model, tier, band, geo, speed, kind, tokens, [.. wsSorted], [.. modelsSorted]);
    }

    private Cell CellOf(in UsageKey key) =>
        new(key.Day.DayNumber, _workspaces.Id(key.Workspace ?? ""), _models.Id(key.Model),
            Cell.Pack((byte)key.Channel, (byte)key.Tier, (byte)key.Band, (byte)key.Geo, (byte)key.Speed, (byte)key.Kind));

    /// <summary>
    /// The index of the key's cell in one dictionary lookup; a new cell is appended to the keys (the caller appends its
    /// tokens).
    /// </summary>
    private ref int Slot(in UsageKey key, out bool exists)
    {
        var cell = CellOf(key);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, cell, out exists);
        if (!exists)
        {
            slot = _cells.Count;
            _cells.Add(cell);
        }
        return ref slot;
    }

    /// <summary>
    /// The cell order: one 64-bit sort key per cell (day, channel, workspace rank, model rank, then the small
    /// dimensions) when the ranges fit, which is every real import; otherwise a comparison sort on the same fields.
    /// </summary>
    private int[] SortedOrder(int[] wsRank, int[] modelRank)
    {
        var n = _cells.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        if (n < 2) return order;
        int minDay = int.MaxValue, maxDay = int.MinValue;
        foreach (var c in _cells)
        {
            minDay = Math.Min(minDay, c.Day);
            maxDay = Math.Max(maxDay, c.Day);
        }
        int dayBits = Bits((ulong)(maxDay - minDay)), wsBits = Bits((ulong)wsRank.Length), modelBits = Bits((ulong)modelRank.Length);
        if (dayBits + wsBits + modelBits + Cell.PackedBits <= 64)
        {
            var keys = new ulong[n];
            for (var i = 0; i < n; i++)
            {
                var c = _cells[i];
                // The channel (the top packed part) sorts right after the day, before the workspace.
                var k = (ulong)(c.Day - minDay);
                k = (k << 4) | c.Channel;
                k = (k << wsBits) | (uint)wsRank[c.Workspace];
                k = (k << modelBits) | (uint)modelRank[c.Model];
                k = (k << (Cell.PackedBits - 4)) | (uint)c.Rest;
                keys[i] = k;
            }
            Array.Sort(keys, order);
            return order;
        }
        Array.Sort(order, (a, b) =>
        {
            Cell x = _cells[a], y = _cells[b];
            var r = x.Day.CompareTo(y.Day);
            if (r == 0) r = x.Channel.CompareTo(y.Channel);
            if (r == 0) r = wsRank[x.Workspace].CompareTo(wsRank[y.Workspace]);
            if (r == 0) r = modelRank[x.Model].CompareTo(modelRank[y.Model]);
            return r != 0 ? r : x.Rest.CompareTo(y.Rest);
        });
        return order;
    }

    private static int Bits(ulong max) => max == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(max);

    /// <summary>
    /// A cell key of integers: day number, workspace id, model id, and the six small dimensions packed 4 bits each,
    /// channel highest and kind lowest, so that <see cref="Rest"/> compares as tier, band, geography, speed, kind.
    /// </summary>
    private readonly record struct Cell(int Day, int Workspace, int Model, int Packed)
    {
        public const int PackedBits = 24;

        public static int Pack(byte channel, byte tier, byte band, byte geo, byte speed, byte kind)
        {
            if ((channel | tier | band | geo | speed | kind) > 0xF)
                throw new ArgumentOutOfRangeException(nameof(channel), "a usage key holds an undefined dimension value");
            return (channel << 20) | (tier << 16) | (band << 12) | (geo << 8) | (speed << 4) | kind;
        }

        public byte Channel => Part(5);
        public byte Tier => Part(4);
        public byte Band => Part(3);
        public byte Geo => Part(2);
        public byte Speed => Part(1);
        public byte Kind => Part(0);

        private byte Part(int i) => (byte)((Packed >> (4 * i)) & 0xF);

        /// <summary>Everything below the channel.</summary>
        public int Rest => Packed & 0xFFFFF;
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

        /// <summary>Each id's rank in ordinal order, and the names in that order.</summary>
        public int[] Ranks(out string[] sorted)
        {
            var byName = new int[_names.Count];
            for (var i = 0; i < byName.Length; i++) byName[i] = i;
            Array.Sort(byName, (a, b) => string.CompareOrdinal(_names[a], _names[b]));
            var rank = new int[byName.Length];
            sorted = new string[byName.Length];
            for (var r = 0; r < byName.Length; r++)
            {
                rank[byName[r]] = r;
                sorted[r] = _names[byName[r]];
            }
            return rank;
        }
    }
}
