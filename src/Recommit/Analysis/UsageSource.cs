using System.Globalization;
using Recommit.Money;

namespace Recommit.Analysis;

/// <summary>
/// One usage file an analysis rests on, with its reconciliation (rows read = accepted + rejected) and, where the
/// rejected rows' tokens or dollars could still be read, the list dollars they would have been worth (null when not
/// knowable). Every output that rests on imported usage states these, so nothing is left out without saying so.
/// </summary>
public sealed record UsageSource(string File, string Format, long RowsRead, long Accepted, long Rejected, Usd? RejectedListUsd)
{
    /// <summary>A rejected share of rows above this (1 %) is a warning at the top of the report.</summary>
    public const double WarningShare = 0.01;

    /// <summary>Rejected rows as a share of rows read (0 for an empty file).</summary>
    public double RejectedShare => RowsRead == 0 ? 0 : (double)Rejected / RowsRead;

    /// <summary>True when the rejected share is above <see cref="WarningShare"/>.</summary>
    public bool NeedsWarning => RejectedShare > WarningShare;

    /// <summary>The file's name (not its folder, so reports read the same wherever they were made) and its counts:
    /// "usage.csv (usage): 1,000 rows read, 990 accepted, 10 rejected (1.0%), worth $12.50 at list".</summary>
    public string Summary =>
        $"{Path.GetFileName(File)} ({Format}): {RowsRead:N0} rows read, {Accepted:N0} accepted, {Rejected:N0} rejected" +
        (Rejected == 0 ? "" : $" ({(RejectedShare * 100).ToString("0.0", CultureInfo.InvariantCulture)}%), " + (RejectedListUsd is { } usd ? $"worth {usd} at list" : "list value not knowable from the rejected rows"));
}
