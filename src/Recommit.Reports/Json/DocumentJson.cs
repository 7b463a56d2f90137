using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommit.Reports.Json;

/// <summary>
/// The one way Recommit's JSON documents (<see cref="AnalysisDocument"/>, <see cref="LedgerRunDocument"/>, …) are
/// written: indented UTF-8 without a byte-order mark, camelCase keys, dollars rounded to the cent, months as
/// <c>yyyy-MM</c>, days as <c>yyyy-MM-dd</c>, ending with a newline.
/// </summary>
public static class DocumentJson
{
    /// <summary>The serializer options of every document (also suitable for reading one back).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes <paramref name="document"/> to <paramref name="stream"/>, which stays open.</summary>
    public static void Write<TDocument>(TDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        JsonSerializer.Serialize(writer, document, Options);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The document as indented JSON text, ending with a newline.</summary>
    public static string Serialize<TDocument>(TDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            // Non-ASCII text (names, dashes) is written as is; the JSON is data for tools, never pasted into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // A ratio against a zero pace is infinite; write it rather than fail the whole report.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
