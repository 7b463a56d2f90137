using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Walks the <c>data[]</c> envelope shared by the cost report and the analytics API. A bucket with <c>results[]</c>
/// yields one row per result (path <c>data[i].results[j]</c>); a data item without <c>results</c> is itself a row
/// (path <c>data[i]</c>, the analytics row shape <c>{starting_at, ending_at, group, cost}</c>).
/// </summary>
internal static class CostPageWalker
{
    public static List<CostRow> Rows(JsonSource source, int fileIndex, string format)
    {
        var rows = new List<CostRow>();
        var reader = new Utf8JsonReader(source.Payload, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw source.Shape(reader.TokenStartIndex, $"not a {format} page: expected a JSON object with a data[] array");
            var sawData = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("data"u8)) { reader.Read(); reader.Skip(); continue; }
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) throw source.Shape(reader.TokenStartIndex, "data: expected an array");
                sawData = true;
                var b = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var offset = reader.TokenStartIndex;
                    var item = JsonElement.ParseValue(ref reader);
                    if (item.ValueKind != JsonValueKind.Object) throw source.Shape(offset, $"data[{b}]: expected an object");
                    var start = Time(item, "starting_at");
                    var end = Time(item, "ending_at");
                    if (item.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
                    {
                        // Offsets of results inside the bucket: found by re-reading the bucket's bytes.
                        var offsets = ResultOffsets(source.Payload[(int)offset..], offset);
                        var j = 0;
                        foreach (var r in results.EnumerateArray())
                        {
                            rows.Add(new CostRow(source, $"data[{b}].results[{j}]", j < offsets.Count ? offsets[j] : offset, start, end, fileIndex, b, r));
                            j++;
                        }
                    }
                    else if (item.TryGetProperty("results", out var bad) && bad.ValueKind != JsonValueKind.Null)
                        throw source.Shape(offset, $"data[{b}].results: expected an array");
                    else if (!item.TryGetProperty("results", out _))
                        rows.Add(new CostRow(source, $"data[{b}]", offset, start, end, fileIndex, b, item));
                    b++;
                }
            }
            if (!sawData) throw source.Shape(0, $"not a {format} page: no data[] array");
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                throw source.Shape(reader.TokenStartIndex, "the page does not end after its top-level object");
        }
        catch (JsonException e)
        {
            throw source.Malformed(e);
        }
        return rows;
    }

    private static List<long> ResultOffsets(ReadOnlySpan<byte> bucket, long baseOffset)
    {
        var list = new List<long>();
        var reader = new Utf8JsonReader(bucket, new JsonReaderOptions { MaxDepth = 64 });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isResults = reader.ValueTextEquals("results"u8);
            reader.Read();
            if (isResults && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(baseOffset + reader.TokenStartIndex);
                    reader.Skip();
                }
                return list;
            }
            reader.Skip();
        }
        return list;
    }

    public static DateTimeOffset? Time(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;

    /// <summary>A string property, looked for on the row, then in its <c>group</c> object; null when absent or null.</summary>
    public static string? Text(JsonElement row, string name)
    {
        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        if (row.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.Object && g.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        return null;
    }

    public static string Clip(string? s) => s is null ? "null" : s.Length <= 40 ? s : s[..40] + "…";
}
