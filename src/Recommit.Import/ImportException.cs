using Recommit.Usage;

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

    /// <summary>A cube cell whose tokens would exceed 64 bits; <paramref name="how"/> says how they came together (", across files,").</summary>
    public static ImportException CellOverflow(string file, in UsageKey key, string how = "") =>
        new(file, null, $"the {key.Kind.Name()} tokens of {key.Model} on {key.Day:yyyy-MM-dd} add up{how} to more than {long.MaxValue:N0}");

    public string File { get; }
    public long? Line { get; }
}
