using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// Imports request logs that live in a ClickHouse table: one aggregate query runs on the server (per UTC day, model,
/// workspace and tier: the rows, the rows with an invalid count, and each token column's sum over the valid rows) and
/// only its groups come back, straight into the cube. The rules are the gateway importer's: a row is rejected for a
/// timestamp that is not one, an empty model, an unknown tier, or a count that is negative, fractional or over 18
/// digits; the key checks run here once per group, the count checks on the server per row. Each reason comes with the
/// number of rows behind it: a day outside the accepted dates and an empty model are known from the groups; any other
/// reason takes a second query. Rows read = accepted + rejected.
/// </summary>
public static class ClickHouseImport
{
    public const string FormatName = "clickhouse";

    /// <summary>How long to wait for the TCP connection before saying the server cannot be reached.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static ClickHouseResult Read(ClickHouseRequest request, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        request.Validate();
        using var http = new ClickHouseHttp(request, ConnectTimeout);
        var columns = http.Rows(ClickHouseQuery.Describe(request), options.Cancellation)
            .Where(f => f.Length >= 2 && f[0] is not null && f[1] is not null)
            .Select(f => new ClickHouseColumn(f[0]!, f[1]!))
            .ToList();
        var layout = ClickHouseLayout.Resolve(request, columns);

        var diag = new ImportDiagnostics(request.SourceName, FormatName);
        // The fast query when the counts are integers, then the checked one; the exact one when a guard says so.
        GroupFolder? folder = null, later = null;
        foreach (var kind in (CubeQuery[])[CubeQuery.Fast, CubeQuery.Checked, CubeQuery.Exact])
        {
            if (kind == CubeQuery.Fast && !layout.Counts.All(k => k.Column.IsInteger)) continue;
            folder = new GroupFolder(request.SourceName, layout, options, diag, kind);
            later = new GroupFolder(request.SourceName, layout, options, diag, kind);
            if (Fold(http, ClickHouseQuery.Aggregate(request, layout, kind), folder, later, options, request.SourceName)) break;
        }
        folder!.Absorb(later!);
        diag.SetCounts(folder.Read, folder.Read - folder.Rejected, folder.Rejected);
        var report = diag.ToReport();

        if (folder.Rejected > 0)
        {
            // The reasons the groups' keys give (a day outside the accepted dates, an empty model) are known here; any
            // other reason takes a second query, whose reasons cover every rejected row.
            var reasons = folder.KeyReasonsOnly
                ? folder.KeyReasons
                    .OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(ImportDiagnostics.MaxKeptRejections)
                    .Select(r => new RejectedRow(request.SourceName, 0, r.Key) { Rows = r.Value })
                : http.Rows(ClickHouseQuery.Rejections(request, layout), options.Cancellation)
                    .Select(f => new RejectedRow(request.SourceName, 0, f[0] ?? "") { Rows = long.Parse(f[1]!, CultureInfo.InvariantCulture) });
            report = report with { RejectedRows = [.. reasons] };
        }
        // The two folders' days do not overlap: their cells are sorted side by side and put end to end.
        var built = UsageCubeBuilder.Build([folder.Cube, later!.Cube]);
        return new ClickHouseResult(new UsageImport(built, report), folder.Groups, http.BytesSent, http.BytesReceived) { Compressed = http.Compressed };
    }

    /// <summary>
    /// Folds the answer on two threads, split by day so that their cubes never share a cell: the rows of the days before
    /// a pivot (the median day of the answer's first chunk) go to <paramref name="earlier"/> on this thread, which reads
    /// the answer, and the others to <paramref name="later"/> on a worker that gets a copy of every chunk. An answer
    /// whose first chunk is not full (one chunk, or rows longer than half a chunk) is folded here alone, to its end.
    /// False when either met a group whose answer cannot be trusted. An error on either side stops both and is thrown
    /// here. Each chunk read is reported to the options' progress (the groups this thread folded, the bytes received).
    /// </summary>
    private static bool Fold(ClickHouseHttp http, string sql, GroupFolder earlier, GroupFolder later, ImportOptions options, string source)
    {
        var cancellation = options.Cancellation;
        using var queue = new BlockingCollection<(byte[] Bytes, int Length)>(boundedCapacity: 4);
        var stop = 0;
        Exception? failed = null;
        Task? worker = null;
        var pivot = -1;
        var alone = false;
        bool whole;
        try
        {
            whole = http.Chunks(sql, earlier.Rows.WholeRows, chunk =>
            {
                if (Volatile.Read(ref stop) != 0) return false;
                options.Progress?.Report(new ImportProgress(source, earlier.Groups, http.BytesReceived, 0));
                if (pivot < 0)
                {
                    // Once a chunk went to the earlier folder whole, every later one does too: a pivot now could split a day.
                    alone |= chunk.Length < ClickHouseHttp.ChunkBytes / 2;
                    if (alone) return Stopped(earlier.AddRows(chunk, -1, before: true));
                    pivot = earlier.Rows.MedianDay(chunk);
                    var split = pivot;
                    worker = Task.Run(() =>
                    {
                        // Every chunk is taken off the queue, after a failure too, so that the reader never waits on a full queue.
                        foreach (var (bytes, length) in queue.GetConsumingEnumerable())
                        {
                            try
                            {
                                if (Volatile.Read(ref stop) == 0 && !later.AddRows(bytes.AsSpan(0, length), split, before: false))
                                    Volatile.Write(ref stop, 1);
                            }
                            catch (Exception e)
                            {
                                failed ??= e;
                                Volatile.Write(ref stop, 1);
                            }
                            finally
                            {
                                ArrayPool<byte>.Shared.Return(bytes);
                            }
                        }
                    }, CancellationToken.None);
                }
                var copy = ArrayPool<byte>.Shared.Rent(chunk.Length);
                chunk.CopyTo(copy);
                try
                {
                    queue.Add((copy, chunk.Length), cancellation);
                }
                catch (OperationCanceledException)
                {
                    ArrayPool<byte>.Shared.Return(copy);
                    throw;
                }
                return Stopped(earlier.AddRows(chunk, pivot, before: true));
            }, cancellation);
        }
        finally
        {
            queue.CompleteAdding();
            worker?.Wait(CancellationToken.None);
        }
        if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
        return whole && stop == 0;

        bool Stopped(bool taken)
        {
            if (!taken) Volatile.Write(ref stop, 1);
            return taken;
        }
    }

    /// <summary>
    /// Folds the aggregate query's groups into the cube, checking each group's key once. Rows are read in place from
    /// the RowBinary answer (<see cref="CubeRows"/>): the day as its number, and the model, workspace and tier together
    /// by their bytes among those already seen (with their series in the cube), so a repeated key costs no allocation,
    /// and a group's token sums go into the cube together.
    /// </summary>
    private sealed class GroupFolder
    {
        private readonly string _source;
        private readonly ImportOptions _options;
        private readonly ImportDiagnostics _diag;
        private readonly TokenKind[] _allKinds;
        private readonly TokenKind[] _kinds;
        private readonly long[] _sums;
        // The last accepted day, taken once: the window's end moves with the clock.
        private readonly DateOnly _lastDay = UsageWindow.Last;
        private readonly Utf8Lookup<(string? Model, string Workspace, ServiceTier? Tier, UsageCubeBuilder.Series Cells)> _series = new();
        private readonly Utf8Lookup<string?> _models = new();

        public GroupFolder(string source, ClickHouseLayout layout, ImportOptions options, ImportDiagnostics diag, CubeQuery kind)
        {
            (_source, _options, _diag) = (source, options, diag);
            _allKinds = [.. layout.Counts.Select(c => c.Kind)];
            _kinds = new TokenKind[_allKinds.Length];
            _sums = new long[_allKinds.Length];
            Rows = new CubeRows(source, kind, _allKinds.Length);
        }

        public CubeRows Rows { get; }
        public UsageCubeBuilder Cube { get; } = new();
        public long Read { get; private set; }
        public long Rejected { get; private set; }
        public long Groups { get; private set; }

        /// <summary>Whether every rejected row was rejected for a reason in <see cref="KeyReasons"/>.</summary>
        public bool KeyReasonsOnly { get; private set; } = true;

        /// <summary>The rows rejected for a day outside the accepted dates or an empty model, by reason.</summary>
        public Dictionary<string, long> KeyReasons { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Adds the rows of a chunk of whole rows whose day number is below <paramref name="pivot"/> (or, without
        /// <paramref name="before"/>, not below it); with a negative pivot, every row. False as soon as a row's answer
        /// cannot be trusted.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool AddRows(ReadOnlySpan<byte> chunk, int pivot, bool before)
        {
            while (!chunk.IsEmpty)
            {
                var length = Rows.Length(chunk, out var keyEnd);
                var row = chunk[..length];
                chunk = chunk[length..];
                if (pivot >= 0 && CubeRows.Day(row) < pivot != before) continue;
                if (!Add(row, keyEnd)) return false;
            }
            return true;
        }

        /// <summary>Adds one group (its key strings end at <paramref name="keyEnd"/>); false when its answer cannot be trusted (the caller asks the next kind of query).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Add(ReadOnlySpan<byte> row, int keyEnd)
        {
            var numbers = row[keyEnd..];
            if (!Rows.Trusted(numbers, out var rows)) return false;
            Groups++;
            var bad = Rows.Bad(numbers);
            Read += rows;
            var (day, inside) = Day(CubeRows.Day(row));
            // Model, workspace and tier, each with its length, follow the day: their bytes together name the group's series.
            var series = Series(row[CubeRows.FirstKey..keyEnd]);
            var model = series.Model;
            if (!inside || model is null || series.Tier is not { } tier)
            {
                Rejected += rows;
                // The gateway importer's order: timestamp, its day, model, tier.
                var reason = day is not { } known ? null : !inside ? "timestamp: " + UsageWindow.Outside(known) : model is null ? "model: empty" : null;
                if (reason is null) KeyReasonsOnly = false;
                else KeyReasons[reason] = KeyReasons.GetValueOrDefault(reason) + rows;
                return true;
            }
            if (bad > 0) KeyReasonsOnly = false;
            Rejected += bad;
            if (bad == rows) return true;
            var date = day.GetValueOrDefault();
            var n = 0;
            for (var k = 0; k < _allKinds.Length; k++)
            {
                if (!Rows.TrySum(numbers, k, out var sum)) throw ImportException.CellOverflow(_source, Key(_allKinds[k]));
                if (sum == 0) continue;
                (_kinds[n], _sums[n]) = (_allKinds[k], sum);
                n++;
            }
            // Names that differ only in spaces around them, or two spellings of one model, add up in one cell.
            var overflowed = Cube.AddKinds(series.Cells, date, _kinds.AsSpan(0, n), _sums.AsSpan(0, n));
            if (overflowed >= 0) throw ImportException.CellOverflow(_source, Key(_kinds[overflowed]));
            return true;

            // The cell a message names, made only for the message.
            UsageKey Key(TokenKind kind) => new(date, Channel.Anthropic, series.Workspace, model, tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, kind);
        }

        /// <summary>Takes in the counts and reasons of another folder of the same answer (its cells stay in its cube).</summary>
        public void Absorb(GroupFolder other)
        {
            Read += other.Read;
            Rejected += other.Rejected;
            Groups += other.Groups;
            KeyReasonsOnly &= other.KeyReasonsOnly;
            foreach (var (reason, rows) in other.KeyReasons) KeyReasons[reason] = KeyReasons.GetValueOrDefault(reason) + rows;
        }

        /// <summary>
        /// A day the server computed as its number from 1970-01-01 (0, the zero date, is no day: NULL or no timestamp),
        /// and whether it lies inside the <see cref="UsageWindow"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (DateOnly? Day, bool Inside) Day(int number)
        {
            if (number == 0) return (null, false);
            var date = DateOnly.FromDayNumber(CubeRows.EpochDay + number);
            return (date, date >= UsageWindow.First && date <= _lastDay);
        }

        /// <summary>
        /// The model (null when empty), workspace and tier (null when unknown) of a group whose key strings are
        /// <paramref name="key"/>, and their series in the cube: worked out once per distinct key.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (string? Model, string Workspace, ServiceTier? Tier, UsageCubeBuilder.Series Cells) Series(ReadOnlySpan<byte> key)
        {
            if (_series.TryGet(key, out var known)) return known;
            var rest = key;
            var model = Model(CubeRows.String(ref rest));
            var workspace = Encoding.UTF8.GetString(CubeRows.String(ref rest)).Trim();
            ServiceTier? tier = GatewayLog.TryTier(Encoding.UTF8.GetString(CubeRows.String(ref rest)), out var parsed) ? parsed : null;
            var cells = model is not null && tier is { } t
                ? Cube.SeriesOf(new UsageKey(default, Channel.Anthropic, workspace, model, t, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, default))
                : default;
            var value = (model, workspace, tier, cells);
            _series.Add(key, value);
            return value;
        }

        /// <summary>The stored model name (trimmed, resolved once per distinct name), or null for an empty one.</summary>
        private string? Model(ReadOnlySpan<byte> text)
        {
            if (_models.TryGet(text, out var known)) return known;
            var raw = Encoding.UTF8.GetString(text);
            string? model = null;
            // The two folders of one answer share the diagnostics, which note the unknown models.
            if (!string.IsNullOrWhiteSpace(raw))
                lock (_diag) model = ModelNames.Resolve(raw.Trim(), _options.Resolver, _diag);
            _models.Add(text, model);
            return model;
        }
    }
}
