namespace Recommit.Import.Output;

/// <summary>
/// An output the tool could not write (a folder where a file is wanted, a read-only folder, a full disk). The CLI
/// exits 2 with the message; whatever was there before is left as it was.
/// </summary>
public sealed class OutputException : InputException
{
    public OutputException() { }
    public OutputException(string message) : base(message) { }
    public OutputException(string message, Exception inner) : base(message, inner) { }
}
