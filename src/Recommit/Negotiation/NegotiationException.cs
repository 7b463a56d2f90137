namespace Recommit.Negotiation;

/// <summary>
/// A scenarios or assumptions file that cannot be used. The message names the source and the field as a JSON path
/// (<c>deal.json: packages[2].periods[0].commitment: must be ≥ 0, found -5</c>).
/// </summary>
public sealed class NegotiationException : InputException
{
    public NegotiationException(string source, string field, string message)
        : base(field.Length == 0 ? $"{source}: {message}" : $"{source}: {field}: {message}")
    {
        SourceName = source;
        Field = field;
    }

    public NegotiationException() { SourceName = ""; Field = ""; }
    public NegotiationException(string message) : base(message) { SourceName = ""; Field = ""; }
    public NegotiationException(string message, Exception inner) : base(message, inner) { SourceName = ""; Field = ""; }

    /// <summary>The file the input came from.</summary>
    public string SourceName { get; }

    /// <summary>The offending field as a JSON path, empty for the document as a whole.</summary>
    public string Field { get; }
}
