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
        var folder = new GroupFolder(request.SourceName, layout, options, diag);
        foreach (var row in http.Rows(ClickHouseQuery.Aggregate(request, layout), options.Cancellation)) folder.Add(row);
        diag.SetCounts(folder.Read, folder.Read - folder.Rejected, folder.Rejected);
        var report = diag.ToReport();

        if (folder.Rejected > 0)
        {
            var reasons = http.Rows(ClickHouseQuery.Rejections(request, layout), options.Cancellation)
                .Select(f => new RejectedRow(request.SourceName, 0, f[0] ?? "") { Rows = long.Parse(f[1]!, CultureInfo.InvariantCulture) })
                .ToList();
            report = report with { RejectedRows = [.. reasons] };
        }
        return new ClickHouseResult(new UsageImport(folder.Cube.Build(), report), folder.Groups, http.BytesSent, http.BytesReceived);
    }

    /// <summary>Folds the aggregate query's groups into the cube, checking each group's key once.</summary>
    private sealed class GroupFolder(string source, ClickHouseLayout layout, ImportOptions options, ImportDiagnostics diag)
    {
        private const int FirstSum = 6;
        private readonly Dictionary<string, string> _models = new(StringComparer.Ordinal);

        public UsageCubeBuilder Cube { get; } = new();
        public long Read { get; private set; }
        public long Rejected { get; private set; }
        public long Groups { get; private set; }

        public void Add(string?[] f)
        {
            if (f.Length != FirstSum + layout.Counts.Count)
                throw new ImportException(source, null, $"the server's answer has {f.Length} fields in a row, not {FirstSum + layout.Counts.Count}: {FieldParsers.Clip(string.Join(" ", f), 120)}");
            Groups++;
            var rows = Number(f[4]);
            var bad = Number(f[5]);
            Read += rows;
            if (!TryDay(f[0], out var day) || string.IsNullOrWhiteSpace(f[1]) || !GatewayLog.TryTier(f[3], out var tier))
            {
                Rejected += rows;
                return;
            }
            Rejected += bad;
            if (bad == rows) return;
            var rawModel = f[1]!.Trim();
            if (!_models.TryGetValue(rawModel, out var model)) _models[rawModel] = model = ModelNames.Resolve(rawModel, options.Resolver, diag);
            var workspace = (f[2] ?? "").Trim();
            for (var k = 0; k < layout.Counts.Count; k++)
            {
                var key = new UsageKey(day, Channel.Anthropic, workspace, model, tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, layout.Counts[k].Kind);
                var text = f[FirstSum + k];
                if (text is null) continue;
                if (!decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sum) || sum > long.MaxValue)
                    throw ImportException.CellOverflow(source, key);
                if (sum <= 0) continue;
                try
                {
                    Cube.Add(key, (long)sum);
                }
                catch (OverflowException)
                {
                    // Names that differ only in spaces around them, or two spellings of one model, add up in one cell.
                    throw ImportException.CellOverflow(source, key);
                }
            }
        }

        private long Number(string? text) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ImportException(source, null, $"the server's answer has '{FieldParsers.Clip(text ?? "NULL")}' where a row count belongs");

        /// <summary>A day the server computed; NULL (no timestamp) or the zero date is no day.</summary>
        private static bool TryDay(string? text, out DateOnly day)
        {
            day = default;
            return text is not null && text != "0000-00-00" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        }
    }
}
