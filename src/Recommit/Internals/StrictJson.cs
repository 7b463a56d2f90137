using System.Text.Json;

namespace Recommit.Internals;

/// <summary>
/// The one rule by which Recommit reads its own JSON input files (contract, levers, price book): standard JSON
/// (RFC 8259) in which <c>//</c> and <c>/* */</c> comments are allowed and skipped (people annotate the figures they
/// type in, as docs/pricing.md does), and nothing else: no trailing commas, no single quotes. A syntax error is
/// reported by line and position with the parser's first sentence.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Parses <paramref name="json"/>; on a syntax error throws what <paramref name="error"/> makes of the message
    /// <c>not valid JSON: line L, position P: …</c>.
    /// </summary>
    public static JsonDocument Parse(string json, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}: " : "";
            throw error($"not valid JSON: {where}{FirstSentence(e.Message)}");
        }
    }

    /// <summary>The parser's message up to its first sentence, without the path and position it appends.</summary>
    private static string FirstSentence(string message)
    {
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (path > 0) message = message[..path];
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.', ' ') : message[..cut];
    }
}
