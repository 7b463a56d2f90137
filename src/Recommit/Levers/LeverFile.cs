using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Recommit.Internals;
using Recommit.Time;

namespace Recommit.Levers;

/// <summary>
/// Reads a levers file (docs/levers.md; schema data/schemas/levers.schema.json) from its text. Every error is a
/// <see cref="LeverException"/> naming the source and the field (<c>levers[1].share.low</c>) with what was expected
/// and what was found. Model names are checked against the price book later, by <see cref="LeverSet.Resolve"/>.
/// </summary>
public static class LeverFile
{
    internal static readonly string[] RootFields = ["$schema", "levers"];
    internal static readonly string[] RoutingFields = ["type", "name", "start", "rampMonths", "from", "to", "share", "tokenInflation"];
    internal static readonly string[] CachingFields = ["type", "name", "start", "rampMonths", "model", "cacheableShare", "hitRate", "write"];
    internal static readonly string[] BatchFields = ["type", "name", "start", "rampMonths", "model", "share"];

    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> (a file name) prefixes every error message.</summary>
    public static LeverPlan Parse(string json, string source)
    {
        using (var doc = StrictJson.Parse(json, message => new LeverException($"{source}: {message}")))
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Error(source, "(root)", "an object", root);
            CheckFields(source, "(root)", root, RootFields);
            if (!root.TryGetProperty("levers", out var arr)) throw new LeverException($"{source}: levers: required field is missing");
            if (arr.ValueKind != JsonValueKind.Array) throw Error(source, "levers", "an array", arr);
            var levers = ImmutableArray.CreateBuilder<Lever>();
            var i = 0;
            foreach (var el in arr.EnumerateArray())
            {
                levers.Add(ParseLever(source, $"levers[{i}]", el));
                i++;
            }
            return new LeverPlan(levers.ToImmutable());
        }
    }

    private static Lever ParseLever(string source, string path, JsonElement el)
    {
        if (el.ValueKind != JsonValueKind.Object) throw Error(source, path, "an object", el);
        var type = RequiredString(source, path, el, "type");
        var start = Month(source, path, el);
        var ramp = el.TryGetProperty("rampMonths", out var r) ? Int(source, $"{path}.rampMonths", r) : 0;
        var name = el.TryGetProperty("name", out var n) ? String(source, $"{path}.name", n) : null;
        switch (type)
        {
            case "routing":
                {
                    CheckFields(source, path, el, RoutingFields);
                    var from = RequiredString(source, path, el, "from");
                    var to = RequiredString(source, path, el, "to");
                    if (from == to) throw new LeverException($"{source}: {path}.to: routes '{from}' to itself");
                    var share = Range(source, path, el, "share");
                    decimal? inflation = null;
                    if (el.TryGetProperty("tokenInflation", out var inf))
                    {
                        var v = Number(source, $"{path}.tokenInflation", inf);
                        if (v <= 0m || v > 10m) throw new LeverException($"{source}: {path}.tokenInflation: expected a factor in (0, 10], found {v.ToString(CultureInfo.InvariantCulture)}");
                        inflation = v;
                    }
                    return new RoutingLever(name ?? $"route {from} → {to}", start, ramp, from, to, share, inflation);
                }
            case "caching":
                {
                    CheckFields(source, path, el, CachingFields);
                    var model = el.TryGetProperty("model", out var m) ? String(source, $"{path}.model", m) : null;
                    var c = Range(source, path, el, "cacheableShare");
                    var h = Range(source, path, el, "hitRate");
                    var write = CacheWriteDuration.FiveMinutes;
                    if (el.TryGetProperty("write", out var w))
                    {
                        write = String(source, $"{path}.write", w) switch
                        {
                            "5m" => CacheWriteDuration.FiveMinutes,
                            "1h" => CacheWriteDuration.OneHour,
                            var other => throw new LeverException($"{source}: {path}.write: expected \"5m\" or \"1h\", found \"{other}\""),
                        };
                    }
                    return new CachingLever(name ?? $"caching {model ?? "all models"}", start, ramp, model, c, h, write);
                }
            case "batch":
                {
                    CheckFields(source, path, el, BatchFields);
                    var model = el.TryGetProperty("model", out var m) ? String(source, $"{path}.model", m) : null;
                    var b = Range(source, path, el, "share");
                    return new BatchLever(name ?? $"batch {model ?? "all models"}", start, ramp, model, b);
                }
            default:
                throw new LeverException($"{source}: {path}.type: expected \"routing\", \"caching\" or \"batch\", found \"{type}\"");
        }
    }

    private static void CheckFields(string source, string path, JsonElement el, string[] allowed)
    {
        foreach (var p in el.EnumerateObject())
            if (Array.IndexOf(allowed, p.Name) < 0)
                throw new LeverException($"{source}: {path}.{p.Name}: unknown field (expected one of {string.Join(", ", allowed)})");
    }

    private static YearMonth Month(string source, string path, JsonElement el)
    {
        var s = RequiredString(source, path, el, "start");
        return YearMonth.TryParse(s, out var m) ? m : throw new LeverException($"{source}: {path}.start: expected a month yyyy-MM, found \"{s}\"");
    }

    private static UncertainRange Range(string source, string path, JsonElement el, string field)
    {
        if (!el.TryGetProperty(field, out var v)) throw new LeverException($"{source}: {path}.{field}: required field is missing");
        var p = $"{path}.{field}";
        if (v.ValueKind == JsonValueKind.Number) return new UncertainRange(Share(source, p, v), Share(source, p, v));
        if (v.ValueKind != JsonValueKind.Object) throw Error(source, p, "a share in [0, 1] or {\"low\": …, \"high\": …}", v);
        foreach (var prop in v.EnumerateObject())
            if (prop.Name is not ("low" or "high")) throw new LeverException($"{source}: {p}.{prop.Name}: unknown field (expected low, high)");
        if (!v.TryGetProperty("low", out var lo)) throw new LeverException($"{source}: {p}.low: required field is missing");
        if (!v.TryGetProperty("high", out var hi)) throw new LeverException($"{source}: {p}.high: required field is missing");
        var low = Share(source, $"{p}.low", lo);
        var high = Share(source, $"{p}.high", hi);
        if (low > high) throw new LeverException($"{source}: {p}: low {low.ToString(CultureInfo.InvariantCulture)} is above high {high.ToString(CultureInfo.InvariantCulture)}");
        return new UncertainRange(low, high);
    }

    private static decimal Share(string source, string path, JsonElement v)
    {
        var d = Number(source, path, v);
        return d is >= 0m and <= 1m ? d : throw new LeverException($"{source}: {path}: expected a share in [0, 1], found {d.ToString(CultureInfo.InvariantCulture)}");
    }

    private static decimal Number(string source, string path, JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : throw Error(source, path, "a number", v);

    private static int Int(string source, string path, JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i is >= 0 and <= 120 ? i : throw Error(source, path, "a whole number of months 0..120", v);

    private static string RequiredString(string source, string path, JsonElement el, string field) =>
        el.TryGetProperty(field, out var v) ? String(source, $"{path}.{field}", v) : throw new LeverException($"{source}: {path}.{field}: required field is missing");

    private static string String(string source, string path, JsonElement v) =>
        v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : throw Error(source, path, "a non-empty string", v);

    private static LeverException Error(string source, string path, string expected, JsonElement found)
    {
        var text = found.ValueKind switch
        {
            JsonValueKind.String => $"\"{found.GetString()}\"",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => found.GetRawText(),
        };
        if (text.Length > 60) text = text[..60] + "…";
        return new LeverException($"{source}: {path}: expected {expected}, found {text}");
    }
}
