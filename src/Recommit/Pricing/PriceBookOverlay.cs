using System.Text;
using System.Text.Json;

namespace Recommit.Pricing;

/// <summary>
/// Writes new price entries for models the book already knows as a price-book file (data/schemas/pricebook.schema.json)
/// that <see cref="PriceBook.Overlay"/> and every <c>--prices FILE</c> option read back: one model object per model,
/// holding only its id and the added entries, so the shipped book keeps every other field.
/// </summary>
public static class PriceBookOverlay
{
    /// <summary>The overlay's JSON text; <paramref name="version"/> becomes the book's version suffix (<c>2026-11-24+NAME</c>).</summary>
    public static string ToJson(string version, string description, IEnumerable<(ModelId Model, PriceEntry Entry)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://recommit.example/schemas/pricebook.schema.json");
            w.WriteString("version", version);
            w.WriteString("description", description);
            w.WriteStartArray("models");
            foreach (var model in entries.GroupBy(e => e.Model.Value, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", model.Key);
                w.WriteStartArray("prices");
                foreach (var (_, entry) in model) WriteEntry(w, entry);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteEntry(Utf8JsonWriter w, PriceEntry e)
    {
        w.WriteStartObject();
        if (e.Effective is { } day) w.WriteString("effective", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull("effective");
        w.WriteString("source", e.Source);
        w.WriteBoolean("confirmed", e.Confirmed);
        WriteRates(w, "standard", e.Standard);
        if (e.BatchMultiplier is { } batch) w.WriteNumber("batchMultiplier", batch);
        switch (e.LongContext)
        {
            case LongContextRule.StandardRates: w.WriteString("longContext", "standard"); break;
            case LongContextRule.OwnRates when e.LongRates is { } rates: WriteRates(w, "longContext", rates); break;
        }
        if (e.Fast is { } fast) WriteRates(w, "fast", fast);
        if (e.UsGeoMultiplier is { } us) w.WriteNumber("usGeoMultiplier", us);
        if (e.Note is { } note) w.WriteString("note", note);
        w.WriteEndObject();
    }

    private static void WriteRates(Utf8JsonWriter w, string name, TokenRates r)
    {
        w.WriteStartObject(name);
        w.WriteNumber("input", r.Input);
        w.WriteNumber("cacheWrite5m", r.CacheWrite5m);
        w.WriteNumber("cacheWrite1h", r.CacheWrite1h);
        w.WriteNumber("cacheRead", r.CacheRead);
        w.WriteNumber("output", r.Output);
        w.WriteEndObject();
    }
}
