using System.Globalization;
using Recommit.Import.Internals;
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
            var modelName = csv.Get(model).Trim();
            if (modelName.Length == 0) { diag.Reject(line, "model: empty"); continue; }
            if (!UsageNames.TryParseTokenKind(csv.Get(kind), out var k)) { diag.Reject(line, $"token_kind: '{FieldParsers.Clip(csv.Get(kind))}' is not one of {string.Join(", ", UsageNames.TokenKindNames)}"); continue; }
            if (!FieldParsers.TryParseCount(csv.Get(tokens), out var n, out var countError)) { diag.Reject(line, $"tokens: {countError}"); continue; }
            var t = ServiceTier.Standard; var b = ContextBand.Standard; var c = Channel.Anthropic; var g = InferenceGeo.Global; var s = Speed.Standard;
            if (tier >= 0 && !Blank(csv.Get(tier)) && !UsageNames.TryParseServiceTier(csv.Get(tier), out t)) { diag.Reject(line, $"service_tier: '{FieldParsers.Clip(csv.Get(tier))}' is not standard, batch or priority"); continue; }
            if (band >= 0 && !Blank(csv.Get(band)) && !UsageNames.TryParseContextBand(csv.Get(band), out b)) { diag.Reject(line, $"context_band: '{FieldParsers.Clip(csv.Get(band))}' is not standard or long"); continue; }
            if (channel >= 0 && !Blank(csv.Get(channel)) && !UsageNames.TryParseChannel(csv.Get(channel), out c)) { diag.Reject(line, $"channel: '{FieldParsers.Clip(csv.Get(channel))}' is not anthropic, bedrock, vertex or marketplace"); continue; }
            if (geo >= 0 && !Blank(csv.Get(geo)) && !UsageNames.TryParseInferenceGeo(csv.Get(geo), out g)) { diag.Reject(line, $"inference_geo: '{FieldParsers.Clip(csv.Get(geo))}' is not global or us"); continue; }
            if (speed >= 0 && !Blank(csv.Get(speed)) && !UsageNames.TryParseSpeed(csv.Get(speed), out s)) { diag.Reject(line, $"speed: '{FieldParsers.Clip(csv.Get(speed))}' is not standard or fast"); continue; }
            var ws = workspace >= 0 ? csv.Get(workspace).Trim() : "";

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

    /// <summary>Writes a cube as canonical usage CSV (all ten columns, sorted by day).</summary>
    public static void Write(UsageCube cube, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Header));
        writer.Write('\n');
        // Names are escaped once each, and dates and counts are formatted into one buffer a row, not into new strings.
        var models = cube.Models.Select(FieldParsers.CsvEscape).ToArray();
        var workspaces = cube.Workspaces.Select(FieldParsers.CsvEscape).ToArray();
        Span<char> number = stackalloc char[24];
        for (var i = 0; i < cube.Count; i++)
        {
            cube.Day(i).TryFormat(number, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.Write(number[..n]);
            writer.Write(',');
            writer.Write(models[cube.ModelIndex(i)]);
            writer.Write(',');
            writer.Write(cube.Kind(i).Name());
            writer.Write(',');
            cube.Tokens(i).TryFormat(number, out n, default, CultureInfo.InvariantCulture);
            writer.Write(number[..n]);
            writer.Write(',');
            writer.Write(cube.Tier(i).Name());
            writer.Write(',');
            writer.Write(cube.Band(i).Name());
            writer.Write(',');
            writer.Write(cube.Channel(i).Name());
            writer.Write(',');
            writer.Write(workspaces[cube.WorkspaceIndex(i)]);
            writer.Write(',');
            writer.Write(cube.Geo(i).Name());
            writer.Write(',');
            writer.Write(cube.Speed(i).Name());
            writer.Write('\n');
        }
    }

    private static bool Blank(string s) => string.IsNullOrWhiteSpace(s);
}
