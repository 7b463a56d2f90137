using System.Globalization;
using System.Text.Json;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// Strict reading of one JSON object of a scenarios or assumptions file: unknown and repeated fields refused, types and
/// ranges checked, every fault a <see cref="NegotiationException"/> naming the field's JSON path.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);

    public JsonFields(string source, string path, JsonElement element, IReadOnlyCollection<string> known)
    {
        Source = source;
        Path = path;
        if (element.ValueKind != JsonValueKind.Object) throw Fail(path, $"must be an object, found {Describe(element)}");
        foreach (var property in element.EnumerateObject())
        {
            var field = Join(path, property.Name);
            if (!known.Contains(property.Name)) throw Fail(field, $"unknown field (expected one of {string.Join(", ", known)})");
            if (!_fields.TryAdd(property.Name, property.Value)) throw Fail(field, "appears more than once");
        }
    }

    public string Source { get; }
    public string Path { get; }

    public static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}: " : "";
            var cut = e.Message.IndexOf(". ", StringComparison.Ordinal);
            throw new NegotiationException(source, "", $"not valid JSON: {where}{(cut < 0 ? e.Message.TrimEnd('.') : e.Message[..cut])}");
        }
    }

    public bool Has(string name) => _fields.ContainsKey(name);

    public string Field(string name) => Join(Path, name);

    public JsonElement Element(string name) => _fields.TryGetValue(name, out var e) ? e : throw Fail(Field(name), "is required but missing");

    public decimal Number(string name, decimal min, decimal max)
    {
        var value = Element(name);
        if (value.ValueKind != JsonValueKind.Number) throw Fail(Field(name), $"must be a number, found {Describe(value)}");
        if (!value.TryGetDecimal(out var number)) throw Fail(Field(name), $"is out of range, found {Clip(value.GetRawText())}");
        if (number < min || number > max) throw Fail(Field(name), $"must be from {Show(min)} to {Show(max)}, found {Show(number)}");
        return number;
    }

    public decimal Number(string name, decimal min, decimal max, decimal fallback) => Has(name) ? Number(name, min, max) : fallback;

    public int Whole(string name, int min, int max)
    {
        var number = Number(name, min, max);
        return number == decimal.Truncate(number) ? (int)number : throw Fail(Field(name), $"must be a whole number, found {Show(number)}");
    }

    public string Text(string name)
    {
        var value = Element(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fail(Field(name), $"must be a string, found {Describe(value)}");
    }

    public YearMonth Month(string name)
    {
        var text = Text(name);
        if (text.Length == 7 && YearMonth.TryParse(text, out var month)) return month;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Day == 1)
            return YearMonth.Of(day);
        throw Fail(Field(name), $"must be a month as yyyy-MM or the 1st of a month as yyyy-MM-dd, found \"{Clip(text)}\"");
    }

    public IEnumerable<(JsonElement Element, string Path)> Array(string name, bool nonEmpty = false)
    {
        var value = Element(name);
        if (value.ValueKind != JsonValueKind.Array) throw Fail(Field(name), $"must be an array, found {Describe(value)}");
        if (nonEmpty && value.GetArrayLength() == 0) throw Fail(Field(name), "must hold at least one item, found none");
        var i = 0;
        foreach (var item in value.EnumerateArray()) yield return (item, $"{Field(name)}[{i++}]");
    }

    public NegotiationException Fail(string field, string message) => new(Source, field, message);

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonElement element) => Contracts.ContractJson.Reader.Describe(element);

    private static string Show(decimal value) => Contracts.ContractJson.Reader.Show(value);

    private static string Clip(string text) => Contracts.ContractJson.Reader.Clip(text);
}
