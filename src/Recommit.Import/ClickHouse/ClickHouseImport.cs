using System.Globalization;
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
/// digits; the key checks run here once per group, the count checks on the server per row. When anything was
/// rejected a second query gives each reason with the number of rows behind it. Rows read = accepted + rejected.
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
            var reasons = http.Rows(ClickHouseQuery.Rejections(request, layout), options.Cancellation)
                .Select(f => new RejectedRow(request.SourceName, 0, f[0] ?? "") { Rows = long.Parse(f[1]!, CultureInfo.InvariantCulture) })
                .ToList();
            report = report with { RejectedRows = [.. reasons] };
        }
        return new ClickHouseResult(new UsageImport(folder.Cube.Build(), report), folder.Groups, http.BytesSent, http.BytesReceived) { Compressed = http.Compressed };
    }

    private static bool Fold(ClickHouseHttp http, string sql, GroupFolder folder, CancellationToken cancellation)
    {
        foreach (var line in http.Lines(sql, cancellation))
            if (!folder.Add(line)) return false;
        return true;
    }

    /// <summary>
    /// Folds the aggregate query's groups into the cube, checking each group's key once. Rows are read in place: the
    /// day, model, workspace and tier of a row are looked up by their text among those already seen, so a repeated key
    /// costs no allocation.
    /// </summary>
    private sealed class GroupFolder
    {
        private const int FirstSum = 6;
        private readonly string _source;
        private readonly ClickHouseLayout _layout;
        private readonly ImportOptions _options;
        private readonly ImportDiagnostics _diag;
        private readonly Range[] _fields;
        private readonly Dictionary<string, DateOnly?>.AlternateLookup<ReadOnlySpan<char>> _days = new Dictionary<string, DateOnly?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _models = new Dictionary<string, string?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _workspaces = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Dictionary<string, ServiceTier?>.AlternateLookup<ReadOnlySpan<char>> _tiers = new Dictionary<string, ServiceTier?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly CubeQuery _kind;

        public GroupFolder(string source, ClickHouseLayout layout, ImportOptions options, ImportDiagnostics diag, CubeQuery kind)
        {
            (_source, _layout, _options, _diag, _kind) = (source, layout, options, diag, kind);
            _fields = new Range[FirstSum + layout.Counts.Count + (kind == CubeQuery.Exact ? 0 : 1)];
        }

        public UsageCubeBuilder Cube { get; } = new();
        public long Read { get; private set; }
        public long Rejected { get; private set; }
        public long Groups { get; private set; }

        /// <summary>Adds one group; false when its last column says the answer cannot be trusted (the caller asks the next kind of query).</summary>
        public bool Add(string line)
        {
            var span = line.AsSpan();
            if (TabSeparated.Ranges(span, _fields) != _fields.Length)
                throw new ImportException(_source, null, $"the server's answer has a row with {TabSeparated.Ranges(span, [])} fields, not {_fields.Length}: {FieldParsers.Clip(line, 120)}");
            var rows = Number(span[_fields[4]]);
            if (!Trusted(span[_fields[^1]], rows)) return false;
            Groups++;
            var bad = Number(span[_fields[5]]);
            Read += rows;
            var day = Day(span[_fields[0]]);
            var model = Model(span[_fields[1]]);
            var tier = Tier(span[_fields[3]]);
            if (day is null || model is null || tier is null)
            {
                Rejected += rows;
                return true;
            }
            Rejected += bad;
            if (bad == rows) return true;
            var workspace = Workspace(span[_fields[2]]);
            for (var k = 0; k < _layout.Counts.Count; k++)
            {
                var text = span[_fields[FirstSum + k]];
                if (TabSeparated.IsNull(text) || text is "0") continue;
                var key = new UsageKey(day.Value, Channel.Anthropic, workspace, model, tier.Value, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, _layout.Counts[k].Kind);
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sum))
                    throw decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big) && big > long.MaxValue
                        ? ImportException.CellOverflow(_source, key)
                        : new ImportException(_source, null, $"the server's answer has '{FieldParsers.Clip(text.ToString())}' where a sum belongs");
                try
                {
                    Cube.Add(key, sum);
                }
                catch (OverflowException)
                {
                    // Names that differ only in spaces around them, or two spellings of one model, add up in one cell.
                    throw ImportException.CellOverflow(_source, key);
                }
            }
            return true;
        }

        /// <summary>
        /// Fast: the group's largest count (UInt64, so a negative one is huge) is valid and rows × largest cannot
        /// reach the limit. Checked: the Float64 sum of all counts is below the limit. Exact: always.
        /// </summary>
        private bool Trusted(ReadOnlySpan<char> last, long rows) => _kind switch
        {
            CubeQuery.Fast => ulong.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var max)
                              && max <= (ulong)ClickHouseColumn.MaxCount && (double)max * rows < ClickHouseQuery.GuardLimit,
            CubeQuery.Checked => double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var guard) && guard < ClickHouseQuery.GuardLimit,
            _ => true,
        };

        private long Number(ReadOnlySpan<char> text) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ImportException(_source, null, $"the server's answer has '{FieldParsers.Clip(text.ToString())}' where a row count belongs");

        /// <summary>A day the server computed; NULL (no timestamp) or the zero date is no day.</summary>
        private DateOnly? Day(ReadOnlySpan<char> text)
        {
            if (_days.TryGetValue(text, out var known)) return known;
            DateOnly? day = !TabSeparated.IsNull(text) && text is not "0000-00-00" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            _days[text] = day;
            return day;
        }

        /// <summary>The stored model name (trimmed, resolved once per distinct name), or null for an empty one.</summary>
        private string? Model(ReadOnlySpan<char> text)
        {
            if (_models.TryGetValue(text, out var known)) return known;
            var raw = TabSeparated.Text(text);
            var model = string.IsNullOrWhiteSpace(raw) ? null : ModelNames.Resolve(raw.Trim(), _options.Resolver, _diag);
            _models[text] = model;
            return model;
        }

        private string Workspace(ReadOnlySpan<char> text)
        {
            if (_workspaces.TryGetValue(text, out var known)) return known;
            var workspace = (TabSeparated.Text(text) ?? "").Trim();
            _workspaces[text] = workspace;
            return workspace;
        }

        private ServiceTier? Tier(ReadOnlySpan<char> text)
        {
            if (_tiers.TryGetValue(text, out var known)) return known;
            ServiceTier? tier = GatewayLog.TryTier(TabSeparated.Text(text), out var t) ? t : null;
            _tiers[text] = tier;
            return tier;
        }
    }
}
