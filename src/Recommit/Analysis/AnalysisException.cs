namespace Recommit.Analysis;

/// <summary>Input that cannot be analysed as given (no usage, a bad as-of date, a future path too short); the message says what to fix.</summary>
internal sealed class AnalysisException : InputException
{
    public AnalysisException() { }
    public AnalysisException(string message) : base(message) { }
    public AnalysisException(string message, Exception inner) : base(message, inner) { }
}
