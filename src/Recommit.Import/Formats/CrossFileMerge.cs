namespace Recommit.Import.Formats;

/// <summary>What happens when two files of one import hold the same cube cell.</summary>
public enum CrossFileMerge
{
    /// <summary>
    /// The files hold buckets (daily or hourly totals): a cell seen again is the same usage re-exported, so the later
    /// file's value replaces the earlier one and the cell is counted as a duplicate.
    /// </summary>
    Replace = 0,
    /// <summary>The files hold events (one row per request): the same cell in two files is more usage, so it adds.</summary>
    Add = 1,
}
