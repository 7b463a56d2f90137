using System.Text;
using System.Text.Json;
using Recommit.Negotiation;

namespace Recommit.Reports.Json;

/// <summary>
/// Writes a <see cref="NegotiationResult"/> as the document <c>recommit scenarios --json</c> prints and
/// <c>negotiation.json</c> holds: the same shape as <c>analysis.json</c>'s <c>negotiation</c> section, with the same
/// options (camelCase, dollars to the cent, months as <c>yyyy-MM</c>).
/// </summary>
public static class NegotiationJson
{
    public static string Serialize(NegotiationResult negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = AnalysisJson.Options.Encoder }))
            JsonSerializer.Serialize(writer, NegotiationDocument.From(negotiation), AnalysisJson.Options);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
