using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Recommit.Internals;

namespace Recommit.Pricing;

/// <summary>
/// Reads a price-book JSON file into a <see cref="PriceBookDraft"/>, checking every field and naming the file and JSON
/// path of the first fault. Unknown fields are errors too, so that a misspelt price is never silently ignored.
/// </summary>
internal static partial class PriceBookReader
{
    private static readonly string[] BookFields = ["$schema", "version", "description", "webSearch", "priorityTier", "models"];
    private static readonly string[] ModelFields = ["id", "displayName", "family", "tokenizerGeneration", "released", "retired", "status", "aliases", "prices"];
    private static readonly string[] EntryFields = ["effective", "source", "confirmed", "standard", "batchMultiplier", "longContext", "fast", "usGeoMultiplier", "note"];
    private static readonly string[] RateFields = ["input", "cacheWrite5m", "cacheWrite1h", "cacheRead", "output"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$")]
    internal static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex FamilyPattern();

    /// <summary>Reads <paramref name="json"/>; <paramref name="file"/> names it in messages.</summary>
    public static PriceBookDraft Read(string json, string file)
    {
        using (var doc = StrictJson.Parse(json, message => new PriceBookException(file, "$", message)))
        {
            var root = doc.RootElement;
            Expect(root, JsonValueKind.Object, file, "$");
            KnownFields(root, BookFields, file, "$");
            var version = RequiredString(root, "version", file, "$");
            if (!VersionPattern().IsMatch(version))
                throw new PriceBookException(file, "$.version", $"'{version}' is not a version label (letters, digits, '.', '_', '+', '-'; e.g. 2026-11-24)");
            var draft = new PriceBookDraft { File = file, Version = version };

            if (root.TryGetProperty("webSearch", out var ws) && ws.ValueKind != JsonValueKind.Null)
            {
                Expect(ws, JsonValueKind.Object, file, "$.webSearch");
                KnownFields(ws, ["usdPerThousand", "source"], file, "$.webSearch");
                draft.WebSearchUsdPerThousand = RequiredPrice(ws, "usdPerThousand", file, "$.webSearch");
                draft.WebSearchSource = RequiredString(ws, "source", file, "$.webSearch");
            }
            if (root.TryGetProperty("priorityTier", out var pt) && pt.ValueKind != JsonValueKind.Null)
            {
                Expect(pt, JsonValueKind.Object, file, "$.priorityTier");
                KnownFields(pt, ["multiplier", "source"], file, "$.priorityTier");
                draft.PriorityMultiplier = Multiplier(pt, "multiplier", file, "$.priorityTier", 0m, 10m);
                draft.PrioritySource = RequiredString(pt, "source", file, "$.priorityTier");
            }

            if (!root.TryGetProperty("models", out var models))
                throw new PriceBookException(file, "$.models", "missing (an array of models)");
            Expect(models, JsonValueKind.Array, file, "$.models");
            var i = 0;
            foreach (var m in models.EnumerateArray())
                draft.Models.Add(ReadModel(m, file, $"$.models[{i++}]"));
            return draft;
        }
    }

    private static ModelDraft ReadModel(JsonElement m, string file, string path)
    {
        Expect(m, JsonValueKind.Object, file, path);
        KnownFields(m, ModelFields, file, path);
        var id = RequiredString(m, "id", file, path);
        if (!IdPattern().IsMatch(id))
            throw new PriceBookException(file, path + ".id", $"'{id}' is not a model id (lower-case letters, digits, '-' and '.', e.g. claude-sonnet-4-5)");
        var draft = new ModelDraft
        {
            File = file,
            Path = path,
            Id = id,
            DisplayName = OptionalString(m, "displayName", file, path),
            Family = OptionalString(m, "family", file, path),
            Status = OptionalString(m, "status", file, path),
            Released = OptionalDate(m, "released", file, path),
            Retired = OptionalDate(m, "retired", file, path),
        };
        if (draft.Family is { } fam && !FamilyPattern().IsMatch(fam))
            throw new PriceBookException(file, path + ".family", $"'{fam}' is not a family name (lower case, e.g. opus, sonnet, haiku)");
        if (m.TryGetProperty("tokenizerGeneration", out var tg) && tg.ValueKind != JsonValueKind.Null)
        {
            if (tg.ValueKind != JsonValueKind.Number || !tg.TryGetInt32(out var g) || g is < 1 or > 9)
                throw new PriceBookException(file, path + ".tokenizerGeneration", $"expected a whole number 1..9, found {Show(tg)}");
            draft.TokenizerGeneration = g;
        }
        if (m.TryGetProperty("aliases", out var aliases) && aliases.ValueKind != JsonValueKind.Null)
        {
            Expect(aliases, JsonValueKind.Array, file, path + ".aliases");
            var j = 0;
            foreach (var a in aliases.EnumerateArray())
            {
                var ap = $"{path}.aliases[{j++}]";
                if (a.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(a.GetString()))
                    throw new PriceBookException(file, ap, $"expected a non-empty string, found {Show(a)}");
                draft.Aliases.Add((a.GetString()!.Trim(), file, ap));
            }
        }
        if (m.TryGetProperty("prices", out var prices) && prices.ValueKind != JsonValueKind.Null)
        {
            Expect(prices, JsonValueKind.Array, file, path + ".prices");
            var j = 0;
            foreach (var p in prices.EnumerateArray())
            {
                var pp = $"{path}.prices[{j++}]";
                draft.Prices.Add((ReadEntry(p, file, pp), file, pp));
            }
        }
        return draft;
    }

    private static PriceEntry ReadEntry(JsonElement e, string file, string path)
    {
        Expect(e, JsonValueKind.Object, file, path);
        KnownFields(e, EntryFields, file, path);
        if (!e.TryGetProperty("effective", out _))
            throw new PriceBookException(file, path + ".effective", "missing (the first day the prices apply, yyyy-MM-dd; null only on a model's first entry)");
        var effective = OptionalDate(e, "effective", file, path);
        var source = RequiredString(e, "source", file, path);
        var confirmed = true;
        if (e.TryGetProperty("confirmed", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new PriceBookException(file, path + ".confirmed", $"expected true or false, found {Show(c)}");
            confirmed = c.GetBoolean();
        }
        if (!e.TryGetProperty("standard", out var std))
            throw new PriceBookException(file, path + ".standard", "missing (the standard rates in USD per MTok)");
        var standard = ReadRates(std, file, path + ".standard");
        decimal? batch = e.TryGetProperty("batchMultiplier", out var b) && b.ValueKind != JsonValueKind.Null
            ? Multiplier(e, "batchMultiplier", file, path, 0m, 1m) : null;
        decimal? us = e.TryGetProperty("usGeoMultiplier", out var u) && u.ValueKind != JsonValueKind.Null
            ? Multiplier(e, "usGeoMultiplier", file, path, 1m, 10m) : null;
        TokenRates? fast = e.TryGetProperty("fast", out var f) && f.ValueKind != JsonValueKind.Null ? ReadRates(f, file, path + ".fast") : null;

        var rule = LongContextRule.NotOffered;
        TokenRates? longRates = null;
        if (e.TryGetProperty("longContext", out var lc) && lc.ValueKind != JsonValueKind.Null)
        {
            if (lc.ValueKind == JsonValueKind.String)
            {
                if (lc.GetString() != "standard")
                    throw new PriceBookException(file, path + ".longContext", $"expected \"standard\" (long context at standard prices) or an object of rates, found {Show(lc)}");
                rule = LongContextRule.StandardRates;
            }
            else
            {
                longRates = ReadRates(lc, file, path + ".longContext");
                rule = LongContextRule.OwnRates;
            }
        }
        var note = OptionalString(e, "note", file, path);
        return new PriceEntry(effective, source, confirmed, standard, batch, rule, longRates, fast, us, note);
    }

    private static TokenRates ReadRates(JsonElement r, string file, string path)
    {
        Expect(r, JsonValueKind.Object, file, path);
        KnownFields(r, RateFields, file, path);
        return new TokenRates(
            RequiredPrice(r, "input", file, path),
            RequiredPrice(r, "cacheWrite5m", file, path),
            RequiredPrice(r, "cacheWrite1h", file, path),
            RequiredPrice(r, "cacheRead", file, path),
            RequiredPrice(r, "output", file, path));
    }

    private static decimal RequiredPrice(JsonElement obj, string name, string file, string path)
    {
        if (!obj.TryGetProperty(name, out var v))
            throw new PriceBookException(file, $"{path}.{name}", "missing (USD, a number ≥ 0)");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d) || d < 0 || d > 1_000_000m)
            throw new PriceBookException(file, $"{path}.{name}", $"expected a price in USD (a number from 0 to 1,000,000), found {Show(v)}");
        return d;
    }

    private static decimal Multiplier(JsonElement obj, string name, string file, string path, decimal min, decimal max)
    {
        var v = obj.GetProperty(name);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d) || d <= 0m || d < min || d > max)
            throw new PriceBookException(file, $"{path}.{name}", $"expected a multiplier above 0 within [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}], found {Show(v)}");
        return d;
    }

    private static string RequiredString(JsonElement obj, string name, string file, string path) =>
        OptionalString(obj, name, file, path) ?? throw new PriceBookException(file, $"{path}.{name}", "missing (a non-empty string)");

    private static string? OptionalString(JsonElement obj, string name, string file, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
            throw new PriceBookException(file, $"{path}.{name}", $"expected a non-empty string, found {Show(v)}");
        return v.GetString()!.Trim();
    }

    private static DateOnly? OptionalDate(JsonElement obj, string name, string file, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new PriceBookException(file, $"{path}.{name}", $"expected a date yyyy-MM-dd, found {Show(v)}");
        return d;
    }

    private static void Expect(JsonElement e, JsonValueKind kind, string file, string path)
    {
        if (e.ValueKind != kind)
            throw new PriceBookException(file, path, $"expected {(kind == JsonValueKind.Object ? "an object" : "an array")}, found {Show(e)}");
    }

    private static void KnownFields(JsonElement obj, string[] known, string file, string path)
    {
        foreach (var p in obj.EnumerateObject())
            if (Array.IndexOf(known, p.Name) < 0)
                throw new PriceBookException(file, $"{path}.{p.Name}", $"unknown field (expected one of {string.Join(", ", known)})");
    }

    private static string Show(JsonElement v)
    {
        var text = v.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.Null => "null",
            _ => v.GetRawText(),
        };
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
