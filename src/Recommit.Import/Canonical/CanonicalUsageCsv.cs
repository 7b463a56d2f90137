using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Recommit.Import.Internals;
using Recommit.Import.Output;
using Recommit.Usage;

namespace Recommit.Import.Canonical;

/// <summary>
/// The canonical usage CSV, the tool's own interchange format:
/// <c>date,model,token_kind,tokens[,service_tier,context_band,channel,workspace,inference_geo,speed]</c>.
/// <c>date</c> is a UTC day (<c>yyyy-MM-dd</c>; a timestamp with an offset is converted to its UTC day),
/// <c>token_kind</c> one of <c>uncached_input, cache_write_5m, cache_write_1h, cache_read, output, web_search</c>,
/// <c>tokens</c> a non-negative whole number. Optional columns default to standard, standard, anthropic, empty,
/// global, standard. Rows with the same key are summed.
/// </summary>
public static class CanonicalUsageCsv
{
    public const string FormatName = "usage";

    public static readonly string[] Header =
        ["date", "model", "token_kind", "tokens", "service_tier", "context_band", "channel", "workspace", "inference_geo", "speed"];

    /// <summary>Reads a canonical usage CSV file.</summary>
    public static UsageImport Read(string path, ModelNameResolver? resolver = null)
    {
        using var reader = FileText.Open(path);
        return Read(reader, path, resolver);
    }

    /// <summary>Reads canonical usage CSV text; <paramref name="fileName"/> names the source in messages.</summary>
    public static UsageImport Read(TextReader text, string fileName, ModelNameResolver? resolver = null)
    {
        var diag = new ImportDiagnostics(fileName, FormatName);
        var builder = new UsageCubeBuilder();
        using var csv = CsvTable.Open(text, fileName);
        var date = csv.Required("date");
        var model = csv.Required("model");
        var kind = csv.Required("token_kind");
        var tokens = csv.Required("tokens");
        var tier = csv.Optional("service_tier");
        var band = csv.Optional("context_band");
        var channel = csv.Optional("channel");
        var workspace = csv.Optional("workspace");
        var geo = csv.Optional("inference_geo");
        var speed = csv.Optional("speed");

        while (csv.Read())
        {
            diag.Read();
            var line = csv.Line;
            if (!csv.HasAllColumns)
            {
                diag.Reject(line, $"expected {csv.ColumnCount} fields, found {csv.FieldCount}");
                continue;
            }
            if (!FieldParsers.TryParseUtcDay(csv.Get(date), out var day, out var dateError)) { diag.Reject(line, $"date: {dateError}"); continue; }
            var modelName = CsvText.Unneutralised(csv.Get(model).Trim());
            if (modelName.Length == 0) { diag.Reject(line, "model: empty"); continue; }
            if (!UsageNames.TryParseTokenKind(csv.Get(kind), out var k)) { diag.Reject(line, $"token_kind: '{FieldParsers.Clip(csv.Get(kind))}' is not one of {string.Join(", ", UsageNames.TokenKindNames)}"); continue; }
            if (!FieldParsers.TryParseCount(csv.Get(tokens), out var n, out var countError)) { diag.Reject(line, $"tokens: {countError}"); continue; }
            var t = ServiceTier.Standard; var b = ContextBand.Standard; var c = Channel.Anthropic; var g = InferenceGeo.Global; var s = Speed.Standard;
            if (tier >= 0 && !Blank(csv.Get(tier)) && !UsageNames.TryParseServiceTier(csv.Get(tier), out t)) { diag.Reject(line, $"service_tier: '{FieldParsers.Clip(csv.Get(tier))}' is not standard, batch or priority"); continue; }
            if (band >= 0 && !Blank(csv.Get(band)) && !UsageNames.TryParseContextBand(csv.Get(band), out b)) { diag.Reject(line, $"context_band: '{FieldParsers.Clip(csv.Get(band))}' is not standard or long"); continue; }
            if (channel >= 0 && !Blank(csv.Get(channel)) && !UsageNames.TryParseChannel(csv.Get(channel), out c)) { diag.Reject(line, $"channel: '{FieldParsers.Clip(csv.Get(channel))}' is not anthropic, bedrock, vertex or marketplace"); continue; }
            if (geo >= 0 && !Blank(csv.Get(geo)) && !UsageNames.TryParseInferenceGeo(csv.Get(geo), out g)) { diag.Reject(line, $"inference_geo: '{FieldParsers.Clip(csv.Get(geo))}' is not global or us"); continue; }
            if (speed >= 0 && !Blank(csv.Get(speed)) && !UsageNames.TryParseSpeed(csv.Get(speed), out s)) { diag.Reject(line, $"speed: '{FieldParsers.Clip(csv.Get(speed))}' is not standard or fast"); continue; }
            var ws = workspace >= 0 ? CsvText.Unneutralised(csv.Get(workspace).Trim()) : "";

            var stored = modelName;
            if (resolver is not null && !resolver(modelName, out stored))
            {
                diag.UnknownModel(modelName);
                stored = modelName;
            }
            try
            {
                builder.Add(new UsageKey(day, c, ws, stored, t, b, g, s, k), n);
            }
            catch (OverflowException)
            {
                diag.Reject(line, $"tokens: the cell's total would exceed {long.MaxValue:N0}");
                continue;
            }
            diag.Accept();
        }
        return new UsageImport(builder.Build(), diag.ToReport());
    }

    /// <summary>Writes a cube as canonical usage CSV (all ten columns, sorted by day) in UTF-8 without a byte-order mark.</summary>
    public static void Write(UsageCube cube, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(stream);
        if (cube.Count < PipelinedCells)
        {
            Write(cube, (buffer, length) =>
            {
                stream.Write(buffer, 0, length);
                return buffer;
            }, 1 << 16);
            return;
        }
        // A large cube: this thread formats the rows while a second writes the buffer before; a write that fails stops
        // the formatting and is thrown here.
        using var full = new BlockingCollection<(byte[] Buffer, int Length)>(boundedCapacity: 2);
        using var free = new BlockingCollection<byte[]>();
        for (var i = 0; i < 3; i++) free.Add(new byte[PipelinedBuffer]);
        Exception? failed = null;
        var writer = Task.Run(() =>
        {
            foreach (var (buffer, length) in full.GetConsumingEnumerable())
            {
                try
                {
                    if (failed is null) stream.Write(buffer, 0, length);
                }
                catch (Exception e)
                {
                    failed = e;
                }
                free.Add(buffer);
            }
        });
        try
        {
            Write(cube, (buffer, length) =>
            {
                if (Volatile.Read(ref failed) is { } e) ExceptionDispatchInfo.Capture(e).Throw();
                full.Add((buffer, length));
                return free.Take();
            }, PipelinedBuffer);
        }
        finally
        {
            full.CompleteAdding();
            writer.Wait();
        }
        if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
    }

    /// <summary>From how many cells a stream is written by a second thread while the rows are formatted.</summary>
    private const int PipelinedCells = 200_000;

    private const int PipelinedBuffer = 1 << 20;

    /// <summary>Writes a cube as canonical usage CSV (all ten columns, sorted by day) to a text writer.</summary>
    public static void Write(UsageCube cube, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // A UTF-8 stream writer takes the bytes as they are; any other writer gets them decoded, a buffer at a time
        // (buffers end between rows, so no character is split).
        if (writer is StreamWriter { Encoding.CodePage: 65001 } utf8)
        {
            utf8.Flush();
            Write(cube, utf8.BaseStream);
            utf8.BaseStream.Flush();
            return;
        }
        Write(cube, (buffer, length) =>
        {
            writer.Write(Encoding.UTF8.GetString(buffer, 0, length));
            return buffer;
        }, 1 << 16);
    }

    /// <summary>
    /// Formats the rows as UTF-8 into a buffer of <paramref name="size"/> bytes (or more, for very long names) and hands
    /// it with its length to <paramref name="emit"/> whenever the next row might not fit; <paramref name="emit"/> gives
    /// back the buffer to go on with. Names and enum spellings are escaped and encoded once each; the day is formatted
    /// once per day.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(UsageCube cube, Func<byte[], int, byte[]> emit, int size)
    {
        ArgumentNullException.ThrowIfNull(cube);
        static byte[][] Encode(IEnumerable<string> names) => [.. names.Select(n => Encoding.UTF8.GetBytes(n))];
        var models = Encode(cube.Models.Select(FieldParsers.CsvEscape));
        var workspaces = Encode(cube.Workspaces.Select(FieldParsers.CsvEscape));
        var kinds = Spellings<TokenKind>(k => k.Name());
        var tiers = Spellings<ServiceTier>(t => t.Name());
        var bands = Spellings<ContextBand>(b => b.Name());
        var channels = Spellings<Channel>(c => c.Name());
        var geos = Spellings<InferenceGeo>(g => g.Name());
        var speeds = Spellings<Speed>(s => s.Name());
        static int Longest(byte[][] names) => names.Length == 0 ? 0 : names.Max(n => n.Length);
        // The longest a row can be: every field at its longest, a 20-digit count and the ten separators.
        var maxRow = 10 + Longest(models) + Longest(kinds) + 20 + Longest(tiers) + Longest(bands) + Longest(channels) + Longest(workspaces) + Longest(geos) + Longest(speeds) + 10;
        var buffer = new byte[Math.Max(size, 2 * maxRow)];
        var used = Encoding.UTF8.GetBytes(string.Join(',', Header) + "\n", buffer);
        Span<byte> day = stackalloc byte[10];
        var lastDay = -1;
        for (var i = 0; i < cube.Count; i++)
        {
            if (buffer.Length - used < maxRow)
            {
                buffer = emit(buffer, used);
                if (buffer.Length < 2 * maxRow) buffer = new byte[2 * maxRow];
                used = 0;
            }
            var row = buffer.AsSpan(used);
            var d = cube.Day(i);
            if (d.DayNumber != lastDay)
            {
                d.TryFormat(day, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                lastDay = d.DayNumber;
            }
            var n = Put(row, 0, day);
            n = Put(row, n, models[cube.ModelIndex(i)]);
            n = Put(row, n, kinds[(int)cube.Kind(i)]);
            cube.Tokens(i).TryFormat(row[n..], out var digits, default, CultureInfo.InvariantCulture);
            n += digits;
            row[n++] = (byte)',';
            n = Put(row, n, tiers[(int)cube.Tier(i)]);
            n = Put(row, n, bands[(int)cube.Band(i)]);
            n = Put(row, n, channels[(int)cube.Channel(i)]);
            n = Put(row, n, workspaces[cube.WorkspaceIndex(i)]);
            n = Put(row, n, geos[(int)cube.Geo(i)]);
            speeds[(int)cube.Speed(i)].CopyTo(row[n..]);
            n += speeds[(int)cube.Speed(i)].Length;
            row[n++] = (byte)'\n';
            used += n;
        }
        emit(buffer, used);
    }

    /// <summary>Each value's spelling in UTF-8, indexed by the value's number.</summary>
    private static byte[][] Spellings<T>(Func<T, string> name) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var result = new byte[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1][];
        foreach (var v in values) result[Convert.ToInt32(v, CultureInfo.InvariantCulture)] = Encoding.UTF8.GetBytes(name(v));
        return result;
    }

    /// <summary>Copies a field and its comma into the row at <paramref name="at"/>; returns the position after them.</summary>
    private static int Put(Span<byte> row, int at, ReadOnlySpan<byte> field)
    {
        field.CopyTo(row[at..]);
        at += field.Length;
        row[at] = (byte)',';
        return at + 1;
    }

    private static bool Blank(string s) => string.IsNullOrWhiteSpace(s);
}
