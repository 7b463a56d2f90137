using System.Text;

namespace Recommit.Cli.Internals;

/// <summary>Untrusted text (contract and account names) made safe for a terminal: control characters become spaces.</summary>
internal static class CliText
{
    /// <summary>
    /// <paramref name="text"/> with every control character (escape sequences, carriage returns, bells) replaced by a
    /// space, so a hostile name cannot move the cursor or recolour the terminal.
    /// </summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString();
    }
}
