namespace Recommit.Contracts;

/// <summary>
/// A contract file that cannot be used: malformed JSON, a missing or unknown field, a wrong type or a value out of range.
/// The message names the source and the field as a JSON path (<c>acme.json: periods[1].commitment: must be ≥ 0, found -5</c>).
/// </summary>
public sealed class ContractException : InputException
{
    public ContractException(string source, string field, string message)
        : base(field.Length == 0 ? $"{source}: {message}" : $"{source}: {field}: {message}")
    {
        SourceName = source;
        Field = field;
    }

    public ContractException() { SourceName = ""; Field = ""; }
    public ContractException(string message) : base(message) { SourceName = ""; Field = ""; }
    public ContractException(string message, Exception inner) : base(message, inner) { SourceName = ""; Field = ""; }

    /// <summary>The file or other source the contract came from.</summary>
    public string SourceName { get; }

    /// <summary>The offending field as a JSON path (<c>periods[1].commitment</c>), empty for the document as a whole.</summary>
    public string Field { get; }
}
