using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Recommit.Import.Formats;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.Gateway;

/// <summary>
/// Gateway request logs: one row per request (timestamp, model, token counts, optional workspace or key and tier) in
/// CSV, JSON lines or Parquet, aggregated to the daily cube inside DuckDB so that hundreds of millions of rows stream
/// through in bounded memory. Per row, SQL computes the UTC day (ISO-8601 with or without an offset, naive = UTC, or
/// Unix seconds/milliseconds) and checks the counts (empty = 0, else whole non-negative numbers up to 18 digits; a
/// Parquet double such as 5.0 is whole); rows are grouped on the raw day, model, workspace and tier, and those keys
/// are checked once per group (a day, a non-blank model, a tier empty/standard/batch/priority). Typed files skip the
/// per-row count checks when the counts are proven in range: for Parquet by the file's own column statistics, otherwise
/// by each group's smallest and largest count (the exact per-row query runs when neither proves it). Rows that fail are
/// rejected with their reason and line (the first <see cref="ImportDiagnostics.MaxKeptRejections"/> listed, found by a
/// second pass that runs only when something was rejected); CSV lines DuckDB cannot parse (wrong field count, invalid
/// UTF-8) are rejected with DuckDB's line number. Model names are resolved once per distinct name. Channel anthropic.
/// </summary>
public static class GatewayLog
{
    public const string FormatName = "gateway";

    private const string JsonColumn = "j";

    /// <summary>
    /// The most distinct workspaces one log may hold: a workspace is a team, project or key, and one cube cell per
    /// request (<c>--map workspace=request_id</c>) would make the cube as large as the log.
    /// </summary>
    public const long MaxWorkspaces = 100_000;

    /// <summary>The most distinct models one log may hold (there are a few dozen Claude models).</summary>
    public const long MaxModels = 10_000;

    /// <summary>The largest count a row may hold: 18 digits, so that sums of many rows stay far inside 64 bits.</summary>
    private const long MaxCount = 999_999_999_999_999_999;

    public static bool Detect(FileSniff sniff)
    {
        if (sniff.Container == FileContainer.Empty) return false;
        bool Has(string logical) => sniff.HasAny(DefaultsOf(logical));
        // JSON lines often nest the counts (usage.input_tokens): a timestamp and a model are enough to tell.
        return Has(GatewayColumns.Timestamp) && Has(GatewayColumns.Model) && (Has("input") || Has("output") || (sniff.Container == FileContainer.Json && sniff.Has("usage")));
    }

    private static string[] DefaultsOf(string logical) =>
        GatewayColumns.Others.TryGetValue(logical, out var names) ? names : GatewayColumns.Counts.First(c => c.Name == logical).Defaults;

    /// <summary>Parses <c>timestamp=ts,input=prompt_tokens</c> into logical → file column names.</summary>
    public static IReadOnlyDictionary<string, string> ParseMap(string? map)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(map)) return result;
        var known = GatewayColumns.LogicalNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in map.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1) throw new ImportException($"--map: '{FieldParsers.Clip(pair)}' is not logical=column");
            var logical = GatewayColumns.Canonical(pair[..eq]);
            if (!known.Contains(logical)) throw new ImportException($"--map: '{FieldParsers.Clip(pair[..eq])}' is not one of {string.Join(", ", known)}");
            result[logical] = pair[(eq + 1)..].Trim();
        }
        return result;
    }

    public static UsageImport Read(string path, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var sniff = FileSniff.Of(path);
        if (sniff.Container == FileContainer.Empty) throw new ImportException(path, null, "the file is empty");
        var size = new FileInfo(path).Length;
        using var connection = DuckDb.Open();
        // Small files: one thread starts faster than a pool; large files use every core.
        if (size < 16 << 20) DuckDb.Execute(connection, "SET threads = 1");
        var source = Source.Of(connection, path, sniff);
        var columns = ResolveColumns(path, source, options.ColumnMap);
        RefuseHighCardinality(connection, path, size, source, columns, options);
        var diag = new ImportDiagnostics(path, FormatName);

        // Typed columns (Parquet, or a CSV DuckDB typed itself) go through a query with no per-row checks when nothing
        // can be out of range: a Parquet file's own column statistics prove it, or else each group's smallest and largest
        // count do. If some group's range is not clean, the exact query (checks per row) runs instead.
        var groups = new GroupFolder(path, columns, options, diag, source.Kind == FileContainer.Csv);
        var rangeProven = source.Kind == FileContainer.Parquet && ParquetCountsInRange(connection, path, [.. columns.Counts.Select(k => k.Col.Name)]);
        var fast = TypedAggregateSql(source, columns, withRange: !rangeProven);
        if (fast is null || !Run(connection, fast, path, size, options, reader => groups.Fold(reader, rangeChecked: !rangeProven)))
        {
            groups.Reset();
            Run(connection, AggregateSql(source, columns), path, size, options, reader => groups.Fold(reader, rangeChecked: false));
        }
        long read = groups.Read, rejected = groups.Rejected;

        // Lines DuckDB's CSV reader could not parse: counted as read and rejected, with DuckDB's line number.
        var unparsed = source.Kind == FileContainer.Csv ? CsvRejects(connection) : [];
        // A file that is not UTF-8 is refused as a whole, as the other CSV readers do, naming the first bad line.
        if (unparsed.FirstOrDefault(u => u.Reason.Contains("INVALID ENCODING", StringComparison.Ordinal)) is { Reason: not null } encoding)
            throw new ImportException(path, encoding.Line, "the file is not UTF-8 (invalid byte sequence); convert it to UTF-8");
        read += unparsed.Count;
        rejected += unparsed.Count;
        if (read == 0) throw new ImportException(path, null, "no data rows (the file holds only a header or blank lines)");
        diag.SetCounts(read, read - rejected, rejected);

        var details = new List<(long Line, string Reason)>(unparsed);
        if (rejected > unparsed.Count)
        {
            var badLines = unparsed.Select(u => u.Line).Order().ToArray();
            details.AddRange(Run(connection, RejectionsSql(source, columns), path, size, options: options with { Progress = null }, reader =>
            {
                var found = new List<(long, string)>();
                while (reader.Read()) found.Add((LineOf(source.Kind, reader.GetInt64(0), badLines), reader.GetString(1)));
                return found;
            }));
        }
        foreach (var (line, reason) in details.OrderBy(d => d.Line).Take((int)Math.Min(rejected, ImportDiagnostics.MaxKeptRejections))) diag.KeepRejection(line, reason);
        options.Progress?.Report(new ImportProgress(path, read, size, size));
        return new UsageImport(groups.Cube.Build(), diag.ToReport());
    }

    /// <summary>
    /// Counts (approximately, in one streaming pass) the distinct workspaces and models before aggregating, so that a
    /// column mapped to a per-request value is refused naming its cardinality instead of growing a cube as large as the
    /// log (docs/input-safety.md, "Size caps"). Only run when the workspace or model column was named with <c>--map</c>:
    /// the default columns are what gateways use for those names.
    /// </summary>
    private static void RefuseHighCardinality(DuckDBConnection connection, string path, long size, Source source, Columns columns, ImportOptions options)
    {
        var mappedWorkspace = columns.Workspace is not null && options.ColumnMap.ContainsKey("workspace");
        var mappedModel = options.ColumnMap.ContainsKey(GatewayColumns.Model);
        if (!mappedWorkspace && !mappedModel) return;
        var ws = mappedWorkspace ? $"approx_count_distinct({columns.Workspace!.AsText})" : "0";
        var sql = $"SELECT {ws}, approx_count_distinct({columns.Model.AsText}) FROM {source.Relation}";
        var (workspaces, models) = Run(connection, sql, path, size, options with { Progress = null }, reader =>
        {
            reader.Read();
            return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        });
        if (workspaces > MaxWorkspaces)
            throw new ImportException(path, null, string.Create(CultureInfo.InvariantCulture,
                $"--map workspace={columns.Workspace!.Name}: the column has about {workspaces:N0} distinct values, more than the {MaxWorkspaces:N0} workspaces a log may hold; map workspace to a team, project or key column (not a per-request id), or leave it out"));
        if (models > MaxModels)
            throw new ImportException(path, null, string.Create(CultureInfo.InvariantCulture,
                $"--map model={columns.Model.Name}: the column has about {models:N0} distinct values, more than the {MaxModels:N0} models a log may hold; map model to the model name column"));
    }

    /// <summary>
    /// Folds the aggregate query's groups (one per raw day, model, workspace and tier) into the cube. Each group's key
    /// is checked here, once per group; rows whose counts are invalid were left out of the sums in SQL and come as
    /// <c>bad</c>. Model names are resolved once per distinct name, across attempts.
    /// </summary>
    private sealed class GroupFolder(string path, Columns columns, ImportOptions options, ImportDiagnostics diag, bool csv)
    {
        private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);
        private readonly TokenKind[] _kinds = [.. columns.Counts.Select(c => c.Kind)];

        public UsageCubeBuilder Cube { get; private set; } = new();
        public long Read { get; private set; }
        public long Rejected { get; private set; }

        /// <summary>Starts over, for the exact query after a fast one that found a count out of range.</summary>
        public void Reset()
        {
            Cube = new UsageCubeBuilder();
            Read = Rejected = 0;
        }

        /// <summary>
        /// Adds every group; with <paramref name="rangeChecked"/>, stops and returns false at the first group whose
        /// smallest or largest count is out of range (the caller then runs the exact query).
        /// </summary>
        public bool Fold(System.Data.Common.DbDataReader reader, bool rangeChecked)
        {
            while (reader.Read())
            {
                if (rangeChecked && !InRange(reader, 6 + _kinds.Length)) return false;
                var n = reader.GetInt64(4);
                var bad = reader.GetInt64(5);
                Read += n;
                var rawModel = reader.IsDBNull(1) ? null : reader.GetString(1);
                if (reader.IsDBNull(0) || string.IsNullOrWhiteSpace(rawModel) || !TryTier(reader.IsDBNull(3) ? null : reader.GetString(3), out var tier))
                {
                    Rejected += n;
                    continue;
                }
                Rejected += bad;
                if (bad == n) continue;
                var day = DateOnly.FromDateTime(reader.GetDateTime(0));
                // Names are trimmed here, once per group rather than once per row; equal names after trimming add up.
                var model = rawModel.Trim();
                var ws = reader.IsDBNull(2) ? "" : reader.GetString(2).Trim();
                // A quote left in a name means a quoted field never closed (the reader then took quotes as text):
                // the file is refused, as the other CSV readers refuse an unbalanced quote.
                if (csv && (model.Contains('"', StringComparison.Ordinal) || ws.Contains('"', StringComparison.Ordinal)))
                    throw new ImportException(path, null, $"malformed CSV: an unbalanced quote before '{FieldParsers.Clip(model.Contains('"', StringComparison.Ordinal) ? model : ws)}' (a quoted field never closes); fix the quoting");
                if (!_resolved.TryGetValue(model, out var stored)) _resolved[model] = stored = ModelNames.Resolve(model, options.Resolver, diag);
                for (var k = 0; k < _kinds.Length; k++)
                {
                    if (reader.IsDBNull(6 + k)) continue;
                    var sum = reader.GetDecimal(6 + k);
                    var key = new UsageKey(day, Channel.Anthropic, ws, stored, tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, _kinds[k]);
                    if (sum > long.MaxValue) throw ImportException.CellOverflow(path, key);
                    if (sum > 0) Add(key, (long)sum);
                }
            }
            return true;
        }

        private void Add(in UsageKey key, long tokens)
        {
            try
            {
                Cube.Add(key, tokens);
            }
            catch (OverflowException)
            {
                // Two raw names that trim to the same one can still add up past the limit together.
                throw ImportException.CellOverflow(path, key);
            }
        }
    }

    /// <summary>
    /// The file line of the n-th parsed data row: data rows start after the header (CSV) and every line DuckDB could
    /// not parse before it shifts it by one. Exact unless the file has blank lines or quoted line breaks before it.
    /// </summary>
    private static long LineOf(FileContainer kind, long row, long[] unparsedLines)
    {
        if (kind != FileContainer.Csv) return row;
        var line = row + 1;
        foreach (var bad in unparsedLines)
            if (bad <= line) line++;
        return line;
    }

    private static List<(long Line, string Reason)> CsvRejects(DuckDBConnection connection)
    {
        var result = new List<(long, string)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT line, any_value(error_type || ': ' || error_message) FROM reject_errors GROUP BY line ORDER BY line";
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) result.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), "unparseable CSV line: " + ParquetTable.FirstLine(reader.GetString(1))));
        }
        catch (DuckDBException)
        {
            // No reject table: nothing was rejected by the reader.
        }
        return result;
    }

    private static T Run<T>(DuckDBConnection connection, string sql, string path, long size, ImportOptions options, Func<System.Data.Common.DbDataReader, T> consume)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = options.Cancellation.Register(() => { try { command.Cancel(); } catch (DuckDBException) { } });
        using var timer = options.Progress is null ? null : new Timer(_ =>
        {
            try
            {
                var p = connection.GetQueryProgress();
                if (p.Percentage >= 0) options.Progress.Report(new ImportProgress(path, (long)p.RowsProcessed, (long)(size * Math.Clamp(p.Percentage, 0, 100) / 100), size));
            }
            catch (Exception e) when (e is DuckDBException or InvalidOperationException or ObjectDisposedException)
            {
                // Progress is best effort.
            }
        }, null, 200, 200);
        try
        {
            using var reader = command.ExecuteReader();
            return consume(reader);
        }
        catch (DuckDBException e)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            throw new ImportException(path, null, $"cannot read the {FormatName} log: {ParquetTable.FirstLine(e.Message)}");
        }
    }

    /// <summary>A column: its name in the file, a SQL expression reading it and its DuckDB type (VARCHAR for JSON fields).</summary>
    private sealed record Col(string Name, string Expr, string Type)
    {
        public bool IsText => Type.StartsWith("VARCHAR", StringComparison.OrdinalIgnoreCase);
        public bool IsTime => Type.StartsWith("TIMESTAMP", StringComparison.OrdinalIgnoreCase) || Type.Equals("DATE", StringComparison.OrdinalIgnoreCase);
        public bool IsInteger => Type.EndsWith("INT", StringComparison.OrdinalIgnoreCase) || Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
        public string AsText => IsText ? Expr : $"CAST({Expr} AS VARCHAR)";
    }

    private sealed record Columns(Col Timestamp, Col Model, Col? Workspace, Col? Tier, List<(string Name, TokenKind Kind, Col Col)> Counts);

    private static Columns ResolveColumns(string path, Source source, IReadOnlyDictionary<string, string> map)
    {
        Col? Pick(string logical, string[] defaults)
        {
            if (map.TryGetValue(logical, out var named))
            {
                if (source.Kind != FileContainer.Json && !source.Columns.Contains(named))
                    throw new ImportException(path, 1, $"--map {logical}={named}: the file has no column '{named}' (found: {string.Join(", ", source.Columns.Take(20))})");
                return source.Raw(named);
            }
            var found = defaults.FirstOrDefault(source.Columns.Contains);
            return found is null ? null : source.Raw(source.Columns.First(c => c.Equals(found, StringComparison.OrdinalIgnoreCase)));
        }
        Col Need(string logical) =>
            Pick(logical, GatewayColumns.Others[logical])
            ?? throw new ImportException(path, 1, $"no {logical} column (looked for {string.Join(", ", GatewayColumns.Others[logical])}; found: {string.Join(", ", source.Columns.Take(20))}); name it with --map {logical}=COLUMN");
        var counts = GatewayColumns.Counts.Select(c => (c.Name, c.Kind, Col: Pick(c.Name, c.Defaults))).Where(c => c.Col is not null).Select(c => (c.Name, c.Kind, c.Col!)).ToList();
        if (counts.Count == 0)
            throw new ImportException(path, 1, $"no token columns (looked for input_tokens, output_tokens, …; found: {string.Join(", ", source.Columns.Take(20))}); name them with --map input=COLUMN,output=COLUMN");
        return new Columns(Need(GatewayColumns.Timestamp), Need(GatewayColumns.Model),
            Pick(GatewayColumns.Workspace, GatewayColumns.Others[GatewayColumns.Workspace]), Pick(GatewayColumns.Tier, GatewayColumns.Others[GatewayColumns.Tier]), counts);
    }

    /// <summary>
    /// The validated row view: parsed values and a validity flag (and, for rejections, the reason). Columns DuckDB typed
    /// itself (integers, timestamps) are checked as such; text columns are parsed strictly.
    /// </summary>
    private static string RowsSql(Source source, Columns c, bool withReason)
    {
        var sb = new StringBuilder();
        sb.Append("SELECT ");
        if (withReason) sb.Append("rn, ");
        sb.Append(CultureInfo.InvariantCulture, $"{c.Timestamp.Expr} AS ts_raw, {c.Model.AsText} AS model_raw, ");
        sb.Append(c.Workspace is null ? "NULL::VARCHAR AS ws_raw, " : $"{c.Workspace.AsText} AS ws_raw, ");
        sb.Append(c.Tier is null ? "NULL::VARCHAR AS tier_raw" : $"{c.Tier.AsText} AS tier_raw");
        for (var i = 0; i < c.Counts.Count; i++) sb.Append(CultureInfo.InvariantCulture, $", {c.Counts[i].Col.Expr} AS c{i}_raw");
        if (source.Kind == FileContainer.Json) sb.Append(CultureInfo.InvariantCulture, $", {JsonColumn} AS json_raw");
        // Rows are numbered before blank JSON lines are dropped, so that the number is the file's line.
        sb.Append(" FROM ").Append(withReason ? $"(SELECT row_number() OVER () AS rn, * FROM {source.Relation})" : source.Relation);
        if (source.Kind == FileContainer.Json) sb.Append(CultureInfo.InvariantCulture, $" WHERE {JsonColumn} IS NOT NULL AND trim({JsonColumn}) <> ''");
        var raw = sb.ToString();

        var parsed = new StringBuilder();
        parsed.Append("SELECT *, ");
        var ts = c.Timestamp;
        if (ts.IsTime) parsed.Append("CAST(ts_raw AS DATE) AS day_any");
        else if (ts.IsText)
            parsed.Append("CAST(coalesce(try_cast(ts_raw AS TIMESTAMPTZ), CASE WHEN regexp_full_match(trim(ts_raw), '[0-9]{9,10}(\\.[0-9]+)?') THEN to_timestamp(trim(ts_raw)::DOUBLE) " +
                          "WHEN regexp_full_match(trim(ts_raw), '[0-9]{12,13}') THEN to_timestamp(trim(ts_raw)::DOUBLE / 1000) END) AS DATE) AS day_any");
        else
            parsed.Append("CAST(CASE WHEN ts_raw >= 100000000 AND ts_raw < 10000000000 THEN to_timestamp(ts_raw::DOUBLE) WHEN ts_raw >= 100000000000 AND ts_raw < 10000000000000 THEN to_timestamp(ts_raw::DOUBLE / 1000) END AS DATE) AS day_any");
        // Days outside the accepted window (infinity included) become no day, so their rows are rejected.
        parsed.Append(CultureInfo.InvariantCulture, $", {InWindow("day_any")} AS day");
        for (var i = 0; i < c.Counts.Count; i++)
        {
            // An empty count is 0: its value is left NULL, which the sums skip.
            var col = c.Counts[i].Col;
            if (col.IsText)
                parsed.Append(CultureInfo.InvariantCulture, $", (c{i}_raw IS NULL OR trim(c{i}_raw) = '' OR regexp_full_match(trim(c{i}_raw), '\\+?[0-9]{{1,18}}(\\.0+)?')) AS c{i}_ok, try_cast(nullif(trim(c{i}_raw), '') AS BIGINT) AS c{i}");
            else if (col.IsInteger)
                parsed.Append(CultureInfo.InvariantCulture, $", (c{i}_raw IS NULL OR (c{i}_raw >= 0 AND c{i}_raw <= {MaxCount})) AS c{i}_ok, c{i}_raw AS c{i}");
            else
                parsed.Append(CultureInfo.InvariantCulture, $", (c{i}_raw IS NULL OR (isfinite(c{i}_raw::DOUBLE) AND c{i}_raw >= 0 AND c{i}_raw = floor(c{i}_raw) AND c{i}_raw < 1e18)) AS c{i}_ok, try_cast(c{i}_raw AS BIGINT) AS c{i}");
        }
        parsed.Append(" FROM (").Append(raw).Append(')');

        // Whether a row's counts (and, for JSON lines, the line itself) are valid; the key columns are checked per group.
        var rowOk = string.Join(" AND ", Enumerable.Range(0, c.Counts.Count).Select(i => $"c{i}_ok"));
        if (source.Kind == FileContainer.Json) rowOk = $"json_valid(json_raw) AND {rowOk}";

        if (!withReason)
            return $"SELECT *, ({rowOk}) AS row_ok FROM ({parsed})";

        var reason = new StringBuilder("CASE ");
        if (source.Kind == FileContainer.Json) reason.Append("WHEN NOT json_valid(json_raw) THEN 'not a JSON object: ' || left(json_raw, 40) ");
        reason.Append("WHEN ts_raw IS NULL OR trim(CAST(ts_raw AS VARCHAR)) = '' THEN 'timestamp: empty' ");
        reason.Append("WHEN day_any IS NULL THEN 'timestamp: ''' || left(CAST(ts_raw AS VARCHAR), 40) || ''' is not a timestamp (ISO-8601 or Unix seconds/milliseconds)' ");
        reason.Append(CultureInfo.InvariantCulture, $"WHEN day IS NULL THEN 'timestamp: ' || CAST(day_any AS VARCHAR) || ' is outside the accepted dates {UsageWindow.First:yyyy-MM-dd}..{UsageWindow.Last:yyyy-MM-dd} (Claude API usage cannot predate the API or lie in the future)' ");
        reason.Append("WHEN model_raw IS NULL OR regexp_full_match(model_raw, '\\s*') THEN 'model: empty' ");
        reason.Append(CultureInfo.InvariantCulture, $"WHEN lower(regexp_replace(coalesce(tier_raw, ''), '^\\s+|\\s+$', '', 'g')) NOT IN ({string.Join(", ", Tiers.Keys.Select(DuckDb.Literal))}) ");
        reason.Append("THEN 'tier: ''' || left(tier_raw, 40) || ''' is not standard, batch or priority' ");
        for (var i = 0; i < c.Counts.Count; i++)
        {
            var text = $"trim(CAST(c{i}_raw AS VARCHAR))";
            reason.Append(CultureInfo.InvariantCulture, $"WHEN NOT c{i}_ok THEN '{c.Counts[i].Name}: ''' || left({text}, 40) || ''' is ' || " +
                $"CASE WHEN {text} LIKE '-%' THEN 'negative' WHEN regexp_full_match({text}, '[0-9]+(\\.0+)?') THEN 'too large' ELSE 'not a whole number' END ");
        }
        reason.Append("END");
        return $"SELECT rn, reason FROM (SELECT rn, {reason} AS reason FROM ({parsed})) WHERE reason IS NOT NULL ORDER BY rn LIMIT {ImportDiagnostics.MaxKeptRejections}";
    }

    /// <summary>The day expression when it lies in <see cref="UsageWindow"/>, else NULL.</summary>
    private static string InWindow(string day) => string.Create(CultureInfo.InvariantCulture,
        $"CASE WHEN {day} BETWEEN DATE '{UsageWindow.First:yyyy-MM-dd}' AND DATE '{UsageWindow.Last:yyyy-MM-dd}' THEN {day} END");

    /// <summary>
    /// For a file whose timestamp is typed as a time and whose counts are typed as integers (Parquet, or a CSV DuckDB
    /// typed so): the sums by raw day, model, workspace and tier with no per-row checks, and, when
    /// <paramref name="withRange"/>, each group's smallest and largest count, which <see cref="InRange"/> checks.
    /// Null for other files.
    /// </summary>
    private static string? TypedAggregateSql(Source source, Columns c, bool withRange)
    {
        if (source.Kind == FileContainer.Json || !c.Timestamp.IsTime || c.Counts.Any(k => !k.Col.IsInteger)) return null;
        var ws = c.Workspace is null ? "NULL::VARCHAR" : c.Workspace.AsText;
        var tier = c.Tier is null ? "NULL::VARCHAR" : c.Tier.AsText;
        var sums = string.Concat(c.Counts.Select(k => $", sum({k.Col.Expr})::DECIMAL(38,0)"));
        var range = "";
        if (withRange)
        {
            var lows = string.Join(", ", c.Counts.Select(k => $"min({k.Col.Expr})"));
            var highs = string.Join(", ", c.Counts.Select(k => $"max({k.Col.Expr})"));
            range = $", least({lows})::DECIMAL(38,0) AS lo, greatest({highs})::DECIMAL(38,0) AS hi";
        }
        return $"SELECT {InWindow($"CAST({c.Timestamp.Expr} AS DATE)")} AS day, {c.Model.AsText} AS model_raw, {ws} AS ws_raw, {tier} AS tier_raw, count(*) AS n, 0::BIGINT AS bad{sums}{range} " +
               $"FROM {source.Relation} GROUP BY ALL";
    }

    /// <summary>
    /// True when the Parquet file's own column statistics show every one of <paramref name="countColumns"/>, in every
    /// row group, within 0..10¹⁸ − 1 (or wholly empty). False when a writer left the statistics out, a column is not a
    /// top-level column of the file, or a value may lie outside.
    /// </summary>
    internal static bool ParquetCountsInRange(DuckDBConnection connection, string path, IReadOnlyList<string> countColumns)
    {
        var names = countColumns.Select(n => n.ToLowerInvariant()).Distinct().ToList();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(DISTINCT lower(path_in_schema)), count(*) FILTER (WHERE NOT coalesce(stats_null_count = row_group_num_rows, false) " +
            $"AND NOT coalesce(TRY_CAST(stats_min_value AS HUGEINT) >= 0 AND TRY_CAST(stats_max_value AS HUGEINT) <= {MaxCount}, false)) " +
            $"FROM parquet_metadata({DuckDb.Literal(path)}) WHERE lower(path_in_schema) IN ({string.Join(", ", names.Select(DuckDb.Literal))})";
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() && reader.GetInt64(0) == names.Count && reader.GetInt64(1) == 0;
        }
        catch (DuckDBException)
        {
            // No readable metadata: the per-group range check decides.
            return false;
        }
    }

    /// <summary>True when the group's counts (columns lo and hi from <paramref name="first"/>) lie in 0..10¹⁸ − 1, or are all empty.</summary>
    private static bool InRange(System.Data.Common.DbDataReader reader, int first) =>
        (reader.IsDBNull(first) || reader.GetDecimal(first) >= 0) && (reader.IsDBNull(first + 1) || reader.GetDecimal(first + 1) <= MaxCount);

    /// <summary>
    /// Sums by raw day, model, workspace and tier. Rows with an invalid count are counted (<c>bad</c>) and left out of
    /// the sums; the keys are validated by the caller once per group, so the work per row is only the day and the
    /// count checks.
    /// </summary>
    private static string AggregateSql(Source source, Columns c)
    {
        var sums = string.Concat(c.Counts.Select((_, i) => $", sum(c{i}) FILTER (WHERE row_ok)::DECIMAL(38,0)"));
        return $"SELECT day, model_raw, ws_raw, tier_raw, count(*) AS n, count(*) FILTER (WHERE NOT row_ok) AS bad{sums} " +
               $"FROM ({RowsSql(source, c, withReason: false)}) GROUP BY day, model_raw, ws_raw, tier_raw";
    }

    /// <summary>The tier spellings accepted, trimmed and in lower case; empty is standard.</summary>
    internal static readonly Dictionary<string, ServiceTier> Tiers = new(StringComparer.Ordinal)
    {
        [""] = ServiceTier.Standard,
        ["standard"] = ServiceTier.Standard,
        ["standard_only"] = ServiceTier.Standard,
        ["auto"] = ServiceTier.Standard,
        ["default"] = ServiceTier.Standard,
        ["batch"] = ServiceTier.Batch,
        ["priority"] = ServiceTier.Priority,
    };

    internal static bool TryTier(string? raw, out ServiceTier tier) => Tiers.TryGetValue(raw is null ? "" : raw.Trim().ToLowerInvariant(), out tier);

    private static string RejectionsSql(Source source, Columns c) => RowsSql(source, c, withReason: true);

    /// <summary>Where the rows come from: the DuckDB relation, the file's columns with their DuckDB types, and how to read one.</summary>
    private sealed record Source(FileContainer Kind, string Relation, IReadOnlySet<string> Columns, IReadOnlyDictionary<string, string> Types)
    {
        public Col Raw(string column)
        {
            if (Kind != FileContainer.Json) return new Col(column, DuckDb.Identifier(column), Types.GetValueOrDefault(column, "VARCHAR"));
            var path = "$" + string.Concat(column.Split('.').Select(p => ".\"" + p.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
            return new Col(column, $"CASE WHEN json_valid({JsonColumn}) THEN json_extract_string({JsonColumn}, {DuckDb.Literal(path)}) END", "VARCHAR");
        }

        public static Source Of(DuckDBConnection connection, string path, FileSniff sniff)
        {
            var literal = DuckDb.Literal(path);
            if (sniff.Container == FileContainer.Json)
            {
                // One JSON object per line, read as one text column (the unit separator never occurs in valid JSON).
                return new Source(FileContainer.Json,
                    $"read_csv({literal}, header = false, columns = {{'{JsonColumn}': 'VARCHAR'}}, delim = chr(31), quote = '', escape = '', auto_detect = false, strict_mode = false)",
                    sniff.Columns, new Dictionary<string, string>());
            }
            // CSV: DuckDB detects the types as it would for a bare query; a value that does not fit its column's type is
            // logged with its line (store_rejects) and counted as rejected.
            var relation = sniff.Container == FileContainer.Parquet
                ? $"read_parquet({literal})"
                : $"read_csv({literal}, header = true, store_rejects = true)";
            var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DESCRIBE SELECT * FROM {relation}";
                using var reader = command.ExecuteReader();
                while (reader.Read()) types.TryAdd(reader.GetString(0), reader.GetString(1));
            }
            catch (DuckDBException e)
            {
                throw new ImportException(path, 1, $"cannot read the header: {ParquetTable.FirstLine(e.Message)}");
            }
            return new Source(sniff.Container == FileContainer.Parquet ? FileContainer.Parquet : FileContainer.Csv, relation,
                new HashSet<string>(types.Keys, StringComparer.OrdinalIgnoreCase), types);
        }
    }
}
