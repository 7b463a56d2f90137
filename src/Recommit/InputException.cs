namespace Recommit;

/// <summary>
/// Input the user can fix: a file, line or field that is not what was expected. The CLI exits with code 2 and prints
/// the message on one line; the web API answers 400 with the message. Messages never carry secrets.
/// </summary>
public class InputException : Exception
{
    public InputException() { }
    public InputException(string message) : base(message) { }
    public InputException(string message, Exception inner) : base(message, inner) { }
}
