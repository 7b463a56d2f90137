namespace Recommit.Import.ClickHouse;

/// <summary>
/// A ClickHouse password, read from a file and never shown: <see cref="ToString"/> prints a placeholder, and messages
/// that the server or the network stack send back are cleaned of it (<see cref="Redact"/>) before anyone sees them.
/// </summary>
public sealed class ClickHousePassword
{
    private readonly string _value;

    private ClickHousePassword(string value) => _value = value;

    /// <summary>The password held in <paramref name="path"/> (its first line; a trailing line break is not part of it).</summary>
    public static ClickHousePassword FromFile(string path)
    {
        // Read with the key file's cap, so an endless file is refused; messages name the path only, never the content.
        var text = InputFile.ReadSmallText(path, "--password-file", InputFile.MaxKeyBytes);
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        if (firstLine.Length == 0) throw new ImportException(path, 1, "--password-file: the file is empty");
        return new ClickHousePassword(firstLine);
    }

    internal string Value => _value;

    /// <summary>Replaces every occurrence of the password in <paramref name="text"/> with a placeholder.</summary>
    public string Redact(string text) => text.Replace(_value, "[password]", StringComparison.Ordinal);

    public override string ToString() => "[password]";
}
