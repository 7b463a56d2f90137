using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Walks the <c>data[]</c> envelope shared by the cost report and the analytics API. A bucket with <c>results[]</c>
/// yields one row per result (path <c>data[i].results[j]</c>); a data item without <c>results</c> is itself a row
/// (path <c>data[i]</c>, the analytics row shape <c>{starting_at, ending_at, group, cost}</c>).
/// </summary>
internal static class CostPageWalker
{
    /// <summary>Streams the page, calling <paramref name="onRow"/> with each row in order; only one data[] item is held at a time.</summary>
    public static void Walk(JsonPage page, int fileIndex, string format, Action<CostRow> onRow) =>
        page.Read(format, (ref Utf8JsonReader reader, JsonSource source, int b) =>
        {
            var offset = reader.TokenStartIndex;
            var item = JsonElement.ParseValue(ref reader);
            if (item.ValueKind != JsonValueKind.Object) throw source.Shape(offset, $"data[{b}]: expected an object");
            var start = Time(item, "starting_at");
            var end = Time(item, "ending_at");
            if (item.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                // Offsets of results inside the bucket: found by re-reading the bucket's bytes.
                var offsets = ResultOffsets(source.Bytes.Span[(int)offset..]) ?? [];
                var j = 0;
                foreach (var r in results.EnumerateArray())
                {
                    onRow(new CostRow(source, $"data[{b}].results[{j}]", offset + (j < offsets.Count ? offsets[j] : 0), start, end, fileIndex, b, r));
                    j++;
                }
            }
            else if (item.TryGetProperty("results", out var bad) && bad.ValueKind != JsonValueKind.Null)
                throw source.Shape(offset, $"data[{b}].results: expected an array");
            else if (!item.TryGetProperty("results", out _))
                onRow(new CostRow(source, $"data[{b}]", offset, start, end, fileIndex, b, item));
        });

    /// <summary>The offsets of the results in a bucket's bytes; null when the item is not an object with a results[] array.</summary>
    internal static List<long>? ResultOffsets(ReadOnlySpan<byte> bucket)
    {
        var list = new List<long>();
        var reader = new Utf8JsonReader(bucket, new JsonReaderOptions { MaxDepth = 64 });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isResults = reader.ValueTextEquals("results"u8);
            reader.Read();
            if (isResults && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(reader.TokenStartIndex);
                    reader.Skip();
                }
                return list;
            }
            reader.Skip();
        }
        return null;
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
