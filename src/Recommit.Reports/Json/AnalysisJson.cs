using System.Text.Json;
using Recommit.Analysis;

namespace Recommit.Reports.Json;

/// <summary>
/// Writes an <see cref="AnalysisResult"/> as <c>analysis.json</c> (an <see cref="AnalysisDocument"/> written by
/// <see cref="DocumentJson"/>), the machine-readable form of every figure in the report: camelCase keys, dollars
/// rounded to the cent, months as <c>yyyy-MM</c>, codes as kebab-case strings (<c>durable-overage</c>, <c>arrears</c>).
/// Top-level keys: <c>account, asOf, priceBookVersion, contract, ledger, gap, rates, forecast, levers,
/// costOfDoingNothing, simulation, backtest, usage, notes</c> (and <c>recommendation, negotiation, quote</c> when a deal is valued). The shape is published as <c>docs/schemas/analysis.schema.json</c>.
/// </summary>
public static class AnalysisJson
{
    /// <summary>The serializer options used for <c>analysis.json</c> (also suitable for reading it back).</summary>
    public static JsonSerializerOptions Options => DocumentJson.Options;

    /// <summary>The document <c>analysis.json</c> holds for an analysis (empty sections where it is partly filled).</summary>
    public static AnalysisDocument Document(AnalysisResult analysis) => AnalysisDocument.Of(Internals.AnalysisShape.Normalise(analysis));

    /// <summary>Writes the analysis as indented UTF-8 JSON (no BOM) to <paramref name="stream"/>, which stays open.</summary>
    public static void Write(AnalysisResult analysis, Stream stream) => DocumentJson.Write(Document(analysis), stream);

    /// <summary>Writes the analysis as indented JSON to <paramref name="writer"/>.</summary>
    public static void Write(AnalysisResult analysis, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Serialize(analysis));
    }

    /// <summary>The analysis as indented JSON text, ending with a newline.</summary>
    public static string Serialize(AnalysisResult analysis) => DocumentJson.Serialize(Document(analysis));
}
