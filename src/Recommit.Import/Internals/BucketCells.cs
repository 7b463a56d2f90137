using Recommit.Usage;

namespace Recommit.Import.Internals;

/// <summary>
/// Collects the cells of a bucket file (daily or hourly totals). Each row carries its source's natural key (for
/// example date, model, API key, workspace and token type); a row whose natural key was already seen is a
/// re-exported duplicate, so it replaces the earlier value and is counted, never added twice. Different natural keys
/// that fall in the same cube cell (two API keys of one workspace) add up.
/// </summary>
internal sealed class BucketCells(string file)
{
    private readonly Dictionary<(string Source, UsageKey Key), long> _cells = [];

    /// <summary>Sets a cell from one source row; true when that source row had been seen (a duplicate).</summary>
    public bool Set(string sourceKey, in UsageKey key, long tokens)
    {
        var k = (sourceKey, key);
        var duplicate = _cells.ContainsKey(k);
        _cells[k] = tokens;
        return duplicate;
    }

    public UsageCube Build()
    {
        var builder = new UsageCubeBuilder();
        foreach (var ((_, key), tokens) in _cells)
        {
            if (tokens == 0) continue;
            try
            {
                builder.Add(key, tokens);
            }
            catch (OverflowException)
            {
                throw ImportException.CellOverflow(file, key);
            }
        }
        return builder.Build();
    }
}
