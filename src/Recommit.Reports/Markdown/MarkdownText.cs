using System.Text;

namespace Recommit.Reports.Markdown;

/// <summary>
/// Escapes untrusted text (account, workspace and model names, notes) for Markdown so that it shows literally:
/// HTML is turned into entities (a Markdown renderer would otherwise pass it through, docs/quality.md R5), Markdown
/// punctuation is backslash-escaped, table pipes cannot break a row, and line breaks become spaces.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }
        return sb.ToString();
    }
}
