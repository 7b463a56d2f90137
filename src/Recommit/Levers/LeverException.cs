namespace Recommit.Levers;

/// <summary>A levers file or lever the user can fix: the message names the file and the field (e.g. <c>levers[1].to</c>).</summary>
internal sealed class LeverException : InputException
{
    public LeverException() { }
    public LeverException(string message) : base(message) { }
    public LeverException(string message, Exception inner) : base(message, inner) { }
}
