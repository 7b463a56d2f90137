using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Recommit.Analysis;

namespace Recommit.Reports.Json;

/// <summary>
/// Writes an <see cref="AnalysisResult"/> as <c>analysis.json</c>, the machine-readable form of every figure in the
/// report (docs/reports.md): camelCase keys, dollars rounded to the cent (the <c>Usd</c> converter), months
/// as <c>yyyy-MM</c>, enums as kebab-case strings (<c>durable-overage</c>, <c>arrears</c>). Top-level keys:
/// <c>account, asOf, priceBookVersion, contract, ledger, gap, rates, forecast, levers, costOfDoingNothing, simulation,
/// backtest, usage, notes</c>. The gap carries its <c>class</c>, <c>sentence</c> and an <c>evidence</c> object.
/// </summary>
public static class AnalysisJson
{
    /// <summary>The serializer options used for <c>analysis.json</c> (also suitable for reading it back).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes the analysis as indented UTF-8 JSON (no BOM) to <paramref name="stream"/>, which stays open.</summary>
    public static void Write(AnalysisResult analysis, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        JsonSerializer.Serialize(writer, AnalysisDocument.From(Internals.AnalysisShape.Normalise(analysis)), Options);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the analysis as indented JSON to <paramref name="writer"/>.</summary>
    public static void Write(AnalysisResult analysis, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Serialize(analysis));
    }

    /// <summary>The analysis as indented JSON text, ending with a newline.</summary>
    public static string Serialize(AnalysisResult analysis)
    {
        using var stream = new MemoryStream();
        Write(analysis, stream);
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
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
