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
    private readonly UsageCubeBuilder _cells = new();
    private UsageCube? _first;
    private bool _merging;
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
            // A file's cube is already merged within itself, so the first is kept as it is; a second one starts the
            // merge, which then holds the first one's cells.
            if (_first is null && !_merging)
            {
                _first = cube;
            }
            else
            {
                if (_first is not null)
                {
                    _cells.AddAll(_first);
                    _first = null;
                    _merging = true;
                }
                Merge(cube, merge, import.Report.File);
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

    public UsageCube Cube() => _first ?? TokenTotalLimit.Checked(_cells.Build(), string.Join(", ", _reports.Select(r => r.File)));

    private void Merge(UsageCube cube, CrossFileMerge merge, string file)
    {
        for (var i = 0; i < cube.Count; i++)
        {
            var key = cube.Key(i);
            if (merge == CrossFileMerge.Replace)
            {
                if (_cells.Set(key, cube.Tokens(i))) DuplicateCells++;
                continue;
            }
            try
            {
                _cells.Add(key, cube.Tokens(i));
            }
            catch (OverflowException)
            {
                throw ImportException.CellOverflow(file, key, ", across files,");
            }
        }
    }

    public SpendTable Spend() =>
        new([.. _spend.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).Select(p => new SpendRow(p.Key.Item1, p.Key.Item2, new Usd(p.Value)))]);
}
