using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Recommit.Usage;

namespace Recommit.Import.AdminApi;

/// <summary>
/// The Utf8JsonReader-based parser behind <see cref="UsageReportJson"/>: one pass over every file; when a bucket
/// turns up twice, a second pass skips the replaced copies so the later copy wins exactly.
/// </summary>
internal sealed class UsageReportParser(int fileCount, Func<int, JsonPage> load, string reportName, string format = UsageReportJson.FormatName)
{
    private const int Kinds = 6;

    private readonly Dictionary<string, int> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _workspaces = new(StringComparer.Ordinal);
    private readonly List<string> _modelNames = [];
    private readonly List<string> _workspaceNames = [];
    private readonly Dictionary<UsageCell, int> _cells = [];
    private long[] _counts = new long[Kinds * 1024];
    private readonly List<PendingResult> _bucket = [];
    private readonly Dictionary<(long Start, long End), (int File, int Bucket)> _seen = [];
    private readonly HashSet<(int File, int Bucket)> _superseded = [];
    private char[] _chars = new char[256];
    private readonly string _format = format;
    private ImportDiagnostics _diag = new(reportName, format);
    private bool _secondPass;

    /// <summary>Which result is being read (for its JSON path), the first problem found, and which counts it gave.</summary>
    private struct Row
    {
        public int B, J;
        public string Prefix;
        public string? Error;
        public bool HasKinds, Total;
        public string? TotalPath;

        /// <summary>Keeps the first problem of the row, prefixed with its JSON path.</summary>
        public void Fail(string fieldAndReason) => Error ??= $"data[{B}].results[{J}].{Prefix}{fieldAndReason}";
    }

    private struct PendingResult
    {
        public int Model, Workspace;
        public byte Tier, Band, Geo, Speed;
        public long C0, C1, C2, C3, C4, C5;
        public long Offset;
        public int Index;
    }

    /// <summary>
    /// Buckets that hold <see cref="AdminQuery.AnalyticsTopGroups"/> results or more: the analytics usage endpoint
    /// reports only its top 100 groups per bucket, so such a bucket may be missing smaller groups.
    /// </summary>
    public int FullBuckets { get; private set; }

    /// <summary>
    /// Reads every file. Two or more files are read as two halves side by side, one on this thread and one on a worker,
    /// each with its own tables, then joined: the first half's rejections before the second's, counts and cells added.
    /// When a bucket turns up in both halves, the later file's copy wins: the first half's copies are marked replaced and
    /// that half alone is read again, as one thread's second pass would. An error in the first half is the one thrown,
    /// as on one thread.
    /// </summary>
    public UsageImport Run(ModelNameResolver? resolver)
    {
        if (fileCount >= 2 && Environment.ProcessorCount > 1)
        {
            var half = fileCount / 2;
            var first = new UsageReportParser(half, load, reportName, _format);
            var second = new UsageReportParser(fileCount - half, i => load(half + i), reportName, _format);
            var later = Task.Run(second.ReadAll);
            Exception? failed = null;
            try
            {
                first.ReadAll();
            }
            catch (Exception e)
            {
                failed = e;
            }
            try
            {
                later.Wait();
            }
            catch (AggregateException e) when (failed is null)
            {
                failed = e.InnerException ?? e;
            }
            catch (AggregateException)
            {
                // The first half's error is the one a one-thread read meets first.
            }
            if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
            var replaced = first._seen.Where(s => second._seen.ContainsKey(s.Key)).Select(s => s.Value).ToList();
            if (replaced.Count > 0)
            {
                first._superseded.UnionWith(replaced);
                first.ReadAgain();
            }
            first.Absorb(second);
            FullBuckets = first.FullBuckets;
            return new UsageImport(first.BuildCube(resolver), first._diag.ToReport());
        }
        ReadAll();
        return new UsageImport(BuildCube(resolver), _diag.ToReport());
    }

    /// <summary>One pass over the files, and a second when a bucket turned up twice (the later copy wins).</summary>
    private void ReadAll()
    {
        for (var f = 0; f < fileCount; f++) ParseFile(f);
        if (_superseded.Count > 0) ReadAgain();
    }

    /// <summary>The second pass: every file again, from empty tables, skipping the buckets marked replaced.</summary>
    private void ReadAgain()
    {
        _secondPass = true;
        _cells.Clear();
        Array.Clear(_counts);
        _diag = new ImportDiagnostics(reportName, _format);
        for (var f = 0; f < fileCount; f++) ParseFile(f);
    }

    /// <summary>Adds the cells, counts and diagnostics of a parser that read the files after this one's, with no bucket in common.</summary>
    private void Absorb(UsageReportParser later)
    {
        var models = later._modelNames.Select(name => Name(_models, _modelNames, name)).ToArray();
        var workspaces = later._workspaceNames.Select(name => Name(_workspaces, _workspaceNames, name)).ToArray();
        foreach (var (cell, from) in later._cells)
        {
            var o = CellOffset(new UsageCell(cell.Day, models[cell.Model], workspaces[cell.Workspace], cell.Tier, cell.Band, cell.Geo, cell.Speed));
            try
            {
                for (var k = 0; k < Kinds; k++) _counts[o + k] = checked(_counts[o + k] + later._counts[from * Kinds + k]);
            }
            catch (OverflowException)
            {
                throw new ImportException(reportName, null, "token counts overflow a 64-bit total");
            }
        }
        _diag.Append(later._diag);
        FullBuckets += later.FullBuckets;
    }

    /// <summary>Where a cell's six counts start in <see cref="_counts"/>; a new cell gets zeros.</summary>
    private int CellOffset(UsageCell cell)
    {
        if (!_cells.TryGetValue(cell, out var index))
        {
            index = _cells.Count;
            _cells.Add(cell, index);
            if ((index + 1) * Kinds > _counts.Length) Array.Resize(ref _counts, _counts.Length * 2);
        }
        return index * Kinds;
    }

    /// <summary>The id of <paramref name="name"/> in a name table, added when new.</summary>
    private static int Name(Dictionary<string, int> map, List<string> names, string name)
    {
        if (map.TryGetValue(name, out var i)) return i;
        i = names.Count;
        map.Add(name, i);
        names.Add(name);
        return i;
    }

    private UsageCube BuildCube(ModelNameResolver? resolver)
    {
        var stored = new string[_modelNames.Count];
        for (var m = 0; m < stored.Length; m++)
        {
            var name = _modelNames[m];
            stored[m] = name;
            if (resolver is not null && !resolver(name, out stored[m]))
            {
                _diag.UnknownModel(name);
                stored[m] = name;
            }
        }
        var builder = new UsageCubeBuilder();
        foreach (var (cell, index) in _cells)
        {
            for (var k = 0; k < Kinds; k++)
            {
                var n = _counts[index * Kinds + k];
                if (n == 0) continue;
                builder.Add(new UsageKey(DateOnly.FromDayNumber(cell.Day), Channel.Anthropic, _workspaceNames[cell.Workspace], stored[cell.Model],
                    (ServiceTier)cell.Tier, (ContextBand)cell.Band, (InferenceGeo)cell.Geo, (Speed)cell.Speed, (TokenKind)k), n);
            }
        }
        return builder.Build();
    }

    private void ParseFile(int fileIndex) =>
        load(fileIndex).Read(_format == UsageReportJson.FormatName ? "usage report" : "analytics usage",
            (ref Utf8JsonReader reader, JsonSource source, int b) => ParseItem(ref reader, source, fileIndex, b));

    /// <summary>One item of data[], whole in the page reader's window (<see cref="JsonPageReader"/>): a bucket of results.</summary>
    private void ParseItem(ref Utf8JsonReader reader, JsonSource source, int fileIndex, int b)
    {
        try
        {
            ParseBucket(ref reader, source, fileIndex, b);
        }
        catch (OverflowException)
        {
            throw source.Shape(reader.TokenStartIndex, "token counts overflow a 64-bit total");
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            throw source.Shape(reader.TokenStartIndex, "a string is not valid UTF-8 text");
        }
    }

    private void ParseBucket(ref Utf8JsonReader reader, JsonSource source, int fileIndex, int b)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw source.Shape(reader.TokenStartIndex, $"data[{b}]: expected a bucket object");
        _bucket.Clear();
        var bucketOffset = reader.TokenStartIndex;
        DateTimeOffset? start = null, end = null;
        string? bucketError = null;
        bool sawResults = false, rowFields = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                sawResults = true;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw source.Shape(reader.TokenStartIndex, $"data[{b}].results: expected an array");
                var j = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    ParseResult(ref reader, source, b, j++);
                if (j >= AdminQuery.AnalyticsTopGroups && !_secondPass) FullBuckets++;
            }
            else if (reader.ValueTextEquals("usage"u8) || reader.ValueTextEquals("group"u8) || reader.ValueTextEquals("uncached_input_tokens"u8))
            {
                rowFields = true;
                reader.Read();
                reader.SkipWhole();
            }
            else if (reader.ValueTextEquals("starting_at"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var s)) start = s;
                else bucketError = $"data[{b}].starting_at: not an RFC 3339 timestamp";
            }
            else if (reader.ValueTextEquals("ending_at"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var e)) end = e;
                else if (reader.TokenType != JsonTokenType.Null) bucketError ??= $"data[{b}].ending_at: not an RFC 3339 timestamp";
            }
            else
            {
                reader.Read();
                reader.SkipWhole();
            }
        }
        if (rowFields && !sawResults)
        {
            // A row put straight in data[] (not inside a bucket's results[]): say so rather than read it as an empty bucket.
            _diag.Read();
            _diag.Reject(source.File, source.LineAt(bucketOffset), $"data[{b}]: usage counts directly in data[] with no results[]; expected buckets of " +
                "{starting_at, ending_at, results[]} (pull with bucket_width)");
            return;
        }
        if (bucketError is null && start is null) bucketError = $"data[{b}].starting_at: missing";
        if (bucketError is null && DateOnly.FromDateTime(start!.Value.UtcDateTime) is var startDay && !UsageWindow.Contains(startDay))
            bucketError = $"data[{b}].starting_at: {UsageWindow.Outside(startDay)}";
        if (bucketError is not null)
        {
            foreach (var r in _bucket) _diag.Reject(source.File, source.LineAt(r.Offset), $"data[{b}].results[{r.Index}]: bucket has no usable time ({bucketError})");
            return;
        }

        var id = (start!.Value.UtcTicks, end?.UtcTicks ?? 0);
        var here = (fileIndex, b);
        if (!_secondPass && _seen.TryGetValue(id, out var earlier)) _superseded.Add(earlier);
        if (!_secondPass) _seen[id] = here;
        if (_secondPass && _superseded.Contains(here))
        {
            foreach (var _ in _bucket)
            {
                _diag.Accept();
                _diag.Duplicate();
            }
            return;
        }

        var day = DateOnly.FromDateTime(start.Value.UtcDateTime).DayNumber;
        foreach (var r in _bucket)
        {
            _diag.Accept();
            var o = CellOffset(new UsageCell(day, r.Model, r.Workspace, r.Tier, r.Band, r.Geo, r.Speed));
            _counts[o] = checked(_counts[o] + r.C0);
            _counts[o + 1] = checked(_counts[o + 1] + r.C1);
            _counts[o + 2] = checked(_counts[o + 2] + r.C2);
            _counts[o + 3] = checked(_counts[o + 3] + r.C3);
            _counts[o + 4] = checked(_counts[o + 4] + r.C4);
            _counts[o + 5] = checked(_counts[o + 5] + r.C5);
        }
    }

    private void ParseResult(ref Utf8JsonReader reader, JsonSource source, int b, int j)
    {
        _diag.Read();
        var offset = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.SkipWhole();
            _diag.Reject(source.File, source.LineAt(offset), $"data[{b}].results[{j}]: expected an object");
            return;
        }
        var r = new PendingResult { Offset = offset, Index = j, Model = -1, Workspace = -1 };
        var row = new Row { B = b, J = j, Prefix = "" };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (CountField(ref reader, ref r, ref row) || DimensionField(ref reader, ref r, ref row)) continue;
            if (reader.ValueTextEquals("group"u8)) Nested(ref reader, ref r, ref row, "group.", counts: false);
            else if (reader.ValueTextEquals("usage"u8)) Nested(ref reader, ref r, ref row, "usage.", counts: true);
            else
            {
                reader.Read();
                reader.SkipWhole();
            }
        }
        var error = row.Error;
        if (error is null && row.Total && !row.HasKinds)
            error = $"data[{b}].results[{j}].{row.TotalPath}: only a total is given, with no per-kind counts (uncached_input_tokens, " +
                "cache_creation, cache_read_input_tokens, output_tokens); a total cannot be priced by token kind";
        if (error is null && r.Model < 0)
            error = _format == UsageReportJson.FormatName
                ? $"data[{b}].results[{j}].model: null or missing (pull the report with group_by[]=model)"
                : $"data[{b}].results[{j}].model: null or missing: code execution (which the analytics API attributes to no model), " +
                  "or usage pulled without group_by[]=model; it cannot be priced per token";
        if (error is not null)
        {
            _diag.Reject(source.File, source.LineAt(offset), error);
            return;
        }
        if (r.Workspace < 0) r.Workspace = DefaultWorkspace();
        _bucket.Add(r);
    }

    /// <summary>
    /// The fields of <c>group{}</c> (dimensions) or <c>usage{}</c> (counts), the analytics shape that nests what the
    /// messages report keeps flat.
    /// </summary>
    private void Nested(ref Utf8JsonReader reader, ref PendingResult r, ref Row row, string prefix, bool counts)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            row.Prefix = prefix;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (counts ? CountField(ref reader, ref r, ref row) : DimensionField(ref reader, ref r, ref row)) continue;
                reader.Read();
                reader.SkipWhole();
            }
            row.Prefix = "";
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            row.Fail($"{prefix.TrimEnd('.')}: expected an object");
            reader.SkipWhole();
        }
    }

    /// <summary>Reads the property at the reader if it is a token count; false (nothing read) otherwise.</summary>
    private static bool CountField(ref Utf8JsonReader reader, ref PendingResult r, ref Row row)
    {
        if (reader.ValueTextEquals("uncached_input_tokens"u8)) r.C0 = Count(ref reader, ref row, "uncached_input_tokens");
        else if (reader.ValueTextEquals("output_tokens"u8)) r.C4 = Count(ref reader, ref row, "output_tokens");
        else if (reader.ValueTextEquals("cache_read_input_tokens"u8)) r.C3 = Count(ref reader, ref row, "cache_read_input_tokens");
        else if (reader.ValueTextEquals("cache_creation"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("ephemeral_5m_input_tokens"u8)) r.C1 = Count(ref reader, ref row, "cache_creation.ephemeral_5m_input_tokens");
                    else if (reader.ValueTextEquals("ephemeral_1h_input_tokens"u8)) r.C2 = Count(ref reader, ref row, "cache_creation.ephemeral_1h_input_tokens");
                    else { reader.Read(); reader.SkipWhole(); }
                }
            }
            else if (reader.TokenType != JsonTokenType.Null) { row.Fail("cache_creation: expected an object"); reader.SkipWhole(); }
        }
        else if (reader.ValueTextEquals("server_tool_use"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("web_search_requests"u8)) r.C5 = Count(ref reader, ref row, "server_tool_use.web_search_requests");
                    else { reader.Read(); reader.SkipWhole(); }
                }
            }
            else if (reader.TokenType != JsonTokenType.Null) { row.Fail("server_tool_use: expected an object"); reader.SkipWhole(); }
        }
        else if (reader.ValueTextEquals("total_tokens"u8))
        {
            row.Total = true;
            row.TotalPath = row.Prefix + "total_tokens";
            reader.Read();
            reader.SkipWhole();
        }
        else return false;
        return true;
    }

    /// <summary>Reads the property at the reader if it is a dimension the cube keeps; false (nothing read) otherwise.</summary>
    private bool DimensionField(ref Utf8JsonReader reader, ref PendingResult r, ref Row row)
    {
        if (reader.ValueTextEquals("model"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String) r.Model = Intern(ref reader, _models, _modelNames);
            else if (reader.TokenType == JsonTokenType.Null) r.Model = -1;
            else { row.Fail("model: expected a string"); reader.SkipWhole(); }
        }
        else if (reader.ValueTextEquals("workspace_id"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String) r.Workspace = Intern(ref reader, _workspaces, _workspaceNames);
            else if (reader.TokenType == JsonTokenType.Null) r.Workspace = DefaultWorkspace();
            else { row.Fail("workspace_id: expected a string or null"); reader.SkipWhole(); }
        }
        else if (reader.ValueTextEquals("service_tier"u8)) Enumerated(ref reader, ref row, "service_tier", TierMap, AdminApiDimensions.ServiceTiers, ref r.Tier);
        else if (reader.ValueTextEquals("context_window"u8)) Enumerated(ref reader, ref row, "context_window", BandMap, AdminApiDimensions.ContextWindows, ref r.Band);
        else if (reader.ValueTextEquals("inference_geo"u8)) Enumerated(ref reader, ref row, "inference_geo", GeoMap, AdminApiDimensions.InferenceGeos, ref r.Geo);
        else if (reader.ValueTextEquals("speed"u8)) Enumerated(ref reader, ref row, "speed", SpeedMap, AdminApiDimensions.Speeds, ref r.Speed);
        else return false;
        return true;
    }

    private delegate bool ByteMap(ReadOnlySpan<byte> value, out byte mapped);

    private static readonly ByteMap TierMap = (ReadOnlySpan<byte> v, out byte x) => { var ok = AdminApiDimensions.TryServiceTier(v, out var t); x = (byte)t; return ok; };
    private static readonly ByteMap BandMap = (ReadOnlySpan<byte> v, out byte x) => { var ok = AdminApiDimensions.TryContextWindow(v, out var c); x = (byte)c; return ok; };
    private static readonly ByteMap GeoMap = (ReadOnlySpan<byte> v, out byte x) => { var ok = AdminApiDimensions.TryInferenceGeo(v, out var g); x = (byte)g; return ok; };
    private static readonly ByteMap SpeedMap = (ReadOnlySpan<byte> v, out byte x) => { var ok = AdminApiDimensions.TrySpeed(v, out var s); x = (byte)s; return ok; };

    /// <summary>A string dimension with a fixed set of values; null keeps the default.</summary>
    private static void Enumerated(ref Utf8JsonReader reader, ref Row row, string field, ByteMap map, string allowed, ref byte slot)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            if (map(Utf8(ref reader), out var v)) slot = v;
            else row.Fail($"{field}: '{Clip(reader.GetString())}' is not one of {allowed}");
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            row.Fail($"{field}: expected a string");
            reader.SkipWhole();
        }
    }

    private int DefaultWorkspace() => Name(_workspaces, _workspaceNames, "");

    private static long Count(ref Utf8JsonReader reader, ref Row row, string field)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                row.HasKinds = true;
                if (reader.TryGetInt64(out var n))
                {
                    if (n >= 0) return n;
                    row.Fail($"{field}: {n} is negative");
                    return 0;
                }
                row.Fail($"{field}: {Clip(Encoding.UTF8.GetString(reader.ValueSpan))} is not a whole number of tokens");
                return 0;
            case JsonTokenType.Null:
                return 0;
            default:
                row.Fail($"{field}: expected a number, found {reader.TokenType}");
                reader.SkipWhole();
                return 0;
        }
    }

    private int Intern(ref Utf8JsonReader reader, Dictionary<string, int> map, List<string> names)
    {
        var max = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_chars.Length < max) _chars = new char[Math.Max(max, _chars.Length * 2)];
        var n = reader.CopyString(_chars);
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(_chars.AsSpan(0, n), out var i) ? i : Name(map, names, new string(_chars, 0, n));
    }

    private static ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? Encoding.UTF8.GetBytes(reader.GetString() ?? "") : reader.ValueSpan;

    private static string Clip(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}
