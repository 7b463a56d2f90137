namespace Recommit.Import;

/// <summary>
/// Input that cannot be imported at all (wrong format, missing required column, mixed currencies, strict mode with
/// rejections). The message names the file and, where it applies, the line or field. Never carries a secret.
/// </summary>
public sealed class ImportException : InputException
{
    public ImportException(string file, long? line, string message)
        : base(line is { } l ? $"{file}:{l}: {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }

    public ImportException() { File = ""; }
    public ImportException(string message) : base(message) { File = ""; }
    public ImportException(string message, Exception inner) : base(message, inner) { File = ""; }

    public string File { get; }
    public long? Line { get; }
}
