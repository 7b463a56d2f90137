using System.Text;

namespace Recommit.Reports.Markdown;

/// <summary>A pipe table; cells are Markdown already escaped by the caller. Numeric columns align right.</summary>
internal sealed class MarkdownTable(IReadOnlyList<string> headers, IReadOnlyList<bool> alignRight)
{
    private readonly List<string[]> _rows = [];

    public void Row(params string[] cells)
    {
        if (cells.Length != headers.Count) throw new ArgumentException($"expected {headers.Count} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells);
    }

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", headers).Append(" |\n|");
        for (var i = 0; i < headers.Count; i++) sb.Append(alignRight[i] ? "---:|" : "---|");
        sb.Append('\n');
        foreach (var r in _rows) sb.Append("| ").AppendJoin(" | ", r).Append(" |\n");
        return sb.ToString();
    }
}
