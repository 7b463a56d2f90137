using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import.Formats;

/// <summary>
/// Merges the files of one import into one cube (and one spend table). A cell that a bucket file
/// (<see cref="CrossFileMerge.Replace"/>) holds and an earlier file already held is the same usage exported twice:
/// the later value replaces the earlier and the cell is counted in <see cref="DuplicateCells"/>, never added twice.
/// Request-log files (<see cref="CrossFileMerge.Add"/>) add. Spend rows (month × model) across files replace likewise.
/// </summary>
public sealed class ImportMerge
{
    private readonly Dictionary<UsageKey, long> _cells = [];
    private readonly Dictionary<(YearMonth, string), decimal> _spend = [];
    private readonly List<ImportReport> _reports = [];

    /// <summary>Cells (or spend rows) replaced because an earlier file already held them.</summary>
    public long DuplicateCells { get; private set; }

    public IReadOnlyList<ImportReport> Reports => _reports;

    public bool HasUsage { get; private set; }
    public bool HasSpend { get; private set; }

    public void Add(FileImport import, CrossFileMerge merge)
    {
        ArgumentNullException.ThrowIfNull(import);
        _reports.Add(import.Report);
        if (import.Cube is { } cube)
        {
            HasUsage = true;
            for (var i = 0; i < cube.Count; i++)
            {
                var key = cube.Key(i);
                var tokens = cube.Tokens(i);
                if (_cells.TryGetValue(key, out var existing))
                {
                    if (merge == CrossFileMerge.Add)
                    {
                        _cells[key] = existing <= long.MaxValue - tokens ? existing + tokens
                            : throw new ImportException(import.Report.File, null, $"the {key.Kind.Name()} tokens of {key.Model} on {key.Day:yyyy-MM-dd} add up, across files, to more than {long.MaxValue:N0}");
                        continue;
                    }
                    DuplicateCells++;
                }
                _cells[key] = tokens;
            }
        }
        if (import.Spend is { } spend)
        {
            HasSpend = true;
            foreach (var row in spend.Rows)
            {
                var key = (row.Month, row.ModelOrFamily);
                if (_spend.ContainsKey(key)) DuplicateCells++;
                _spend[key] = row.ListUsd.Value;
            }
        }
    }

    public UsageCube Cube()
    {
        var builder = new UsageCubeBuilder();
        foreach (var (key, tokens) in _cells) builder.Add(key, tokens);
        return builder.Build();
    }

    public SpendTable Spend() =>
        new([.. _spend.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).Select(p => new SpendRow(p.Key.Item1, p.Key.Item2, new Usd(p.Value)))]);
}
