using System.Globalization;
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
        GroupFolder? folder = null;
        foreach (var kind in (CubeQuery[])[CubeQuery.Fast, CubeQuery.Checked, CubeQuery.Exact])
        {
            if (kind == CubeQuery.Fast && !layout.Counts.All(k => k.Column.IsInteger)) continue;
            folder = new GroupFolder(request.SourceName, layout, options, diag, kind);
            if (Fold(http, ClickHouseQuery.Aggregate(request, layout, kind), folder, options.Cancellation)) break;
        }
        diag.SetCounts(folder!.Read, folder.Read - folder.Rejected, folder.Rejected);
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
        return new ClickHouseResult(new UsageImport(folder.Cube.Build(), report), folder.Groups, http.BytesSent, http.BytesReceived) { Compressed = http.Compressed };
    }

    private static bool Fold(ClickHouseHttp http, string sql, GroupFolder folder, CancellationToken cancellation) =>
        http.Rows(sql, folder.Add, cancellation);

    /// <summary>
    /// Folds the aggregate query's groups into the cube, checking each group's key once. Rows are read in place, as
    /// the answer's UTF-8 bytes: the day, model, workspace and tier of a row are looked up by their bytes among those
    /// already seen, so a repeated key costs no allocation, and a group's token sums go into the cube together.
    /// </summary>
    private sealed class GroupFolder
    {
        private const int FirstSum = 6;
        private readonly string _source;
        private readonly ImportOptions _options;
        private readonly ImportDiagnostics _diag;
        private readonly Range[] _fields;
        private readonly TokenKind[] _allKinds;
        private readonly TokenKind[] _kinds;
        private readonly long[] _sums;
        private readonly Utf8Lookup<DateOnly?> _days = new();
        private readonly Utf8Lookup<string?> _models = new();
        private readonly Utf8Lookup<string> _workspaces = new();
        private readonly Utf8Lookup<ServiceTier?> _tiers = new();

        private readonly CubeQuery _kind;

        public GroupFolder(string source, ClickHouseLayout layout, ImportOptions options, ImportDiagnostics diag, CubeQuery kind)
        {
            (_source, _options, _diag, _kind) = (source, options, diag, kind);
            _fields = new Range[FirstSum + layout.Counts.Count + (kind == CubeQuery.Exact ? 0 : 1)];
            _allKinds = [.. layout.Counts.Select(c => c.Kind)];
            _kinds = new TokenKind[_allKinds.Length];
            _sums = new long[_allKinds.Length];
        }

        public UsageCubeBuilder Cube { get; } = new();
        public long Read { get; private set; }
        public long Rejected { get; private set; }
        public long Groups { get; private set; }

        /// <summary>Whether every rejected row was rejected for a reason in <see cref="KeyReasons"/>.</summary>
        public bool KeyReasonsOnly { get; private set; } = true;

        /// <summary>The rows rejected for a day outside the accepted dates or an empty model, by reason.</summary>
        public Dictionary<string, long> KeyReasons { get; } = new(StringComparer.Ordinal);

        /// <summary>Adds one group; false when its last column says the answer cannot be trusted (the caller asks the next kind of query).</summary>
        public bool Add(ReadOnlySpan<byte> line)
        {
            if (TabSeparated.Ranges(line, _fields) != _fields.Length)
                throw new ImportException(_source, null, $"the server's answer has a row with {TabSeparated.Ranges(line, [])} fields, not {_fields.Length}: {FieldParsers.Clip(Encoding.UTF8.GetString(line), 120)}");
            var rows = Number(line[_fields[4]]);
            if (!Trusted(line[_fields[^1]], rows)) return false;
            Groups++;
            var bad = Number(line[_fields[5]]);
            Read += rows;
            var day = Day(line[_fields[0]]);
            var model = Model(line[_fields[1]]);
            var tier = Tier(line[_fields[3]]);
            if (day is not { } d || !UsageWindow.Contains(d) || model is null || tier is null)
            {
                Rejected += rows;
                // The gateway importer's order: timestamp, its day, model, tier.
                var reason = day is null ? null : !UsageWindow.Contains(day.Value) ? "timestamp: " + UsageWindow.Outside(day.Value) : model is null ? "model: empty" : null;
                if (reason is null) KeyReasonsOnly = false;
                else KeyReasons[reason] = KeyReasons.GetValueOrDefault(reason) + rows;
                return true;
            }
            if (bad > 0) KeyReasonsOnly = false;
            Rejected += bad;
            if (bad == rows) return true;
            var key = new UsageKey(day.Value, Channel.Anthropic, Workspace(line[_fields[2]]), model, tier.Value, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, default);
            var n = 0;
            for (var k = 0; k < _allKinds.Length; k++)
            {
                var text = line[_fields[FirstSum + k]];
                if (TabSeparated.IsNull(text) || text is [(byte)'0']) continue;
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sum))
                    throw decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big) && big > long.MaxValue
                        ? ImportException.CellOverflow(_source, key with { Kind = _allKinds[k] })
                        : new ImportException(_source, null, $"the server's answer has '{FieldParsers.Clip(Encoding.UTF8.GetString(text))}' where a sum belongs");
                (_kinds[n], _sums[n]) = (_allKinds[k], sum);
                n++;
            }
            // Names that differ only in spaces around them, or two spellings of one model, add up in one cell.
            var overflowed = Cube.AddKinds(key, _kinds.AsSpan(0, n), _sums.AsSpan(0, n));
            if (overflowed >= 0) throw ImportException.CellOverflow(_source, key with { Kind = _kinds[overflowed] });
            return true;
        }

        /// <summary>
        /// Fast: the group's largest count (UInt64, so a negative one is huge) is valid and rows × largest cannot
        /// reach the limit. Checked: the Float64 sum of all counts is below the limit. Exact: always.
        /// </summary>
        private bool Trusted(ReadOnlySpan<byte> last, long rows) => _kind switch
        {
            CubeQuery.Fast => ulong.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var max)
                              && max <= (ulong)ClickHouseColumn.MaxCount && (double)max * rows < ClickHouseQuery.GuardLimit,
            CubeQuery.Checked => double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var guard) && guard < ClickHouseQuery.GuardLimit,
            _ => true,
        };

        private long Number(ReadOnlySpan<byte> text) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ImportException(_source, null, $"the server's answer has '{FieldParsers.Clip(Encoding.UTF8.GetString(text))}' where a row count belongs");

        /// <summary>A day the server computed; NULL (no timestamp) or the zero date is no day.</summary>
        private DateOnly? Day(ReadOnlySpan<byte> text)
        {
            if (_days.TryGet(text, out var known)) return known;
            DateOnly? day = TabSeparated.Text(text) is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            _days.Add(text, day);
            return day;
        }

        /// <summary>The stored model name (trimmed, resolved once per distinct name), or null for an empty one.</summary>
        private string? Model(ReadOnlySpan<byte> text)
        {
            if (_models.TryGet(text, out var known)) return known;
            var raw = TabSeparated.Text(text);
            var model = string.IsNullOrWhiteSpace(raw) ? null : ModelNames.Resolve(raw.Trim(), _options.Resolver, _diag);
            _models.Add(text, model);
            return model;
        }

        private string Workspace(ReadOnlySpan<byte> text)
        {
            if (_workspaces.TryGet(text, out var known)) return known;
            var workspace = (TabSeparated.Text(text) ?? "").Trim();
            _workspaces.Add(text, workspace);
            return workspace;
        }

        private ServiceTier? Tier(ReadOnlySpan<byte> text)
        {
            if (_tiers.TryGet(text, out var known)) return known;
            ServiceTier? tier = GatewayLog.TryTier(TabSeparated.Text(text), out var t) ? t : null;
            _tiers.Add(text, tier);
            return tier;
        }
    }
}
