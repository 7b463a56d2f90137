using Recommit.Analysis;
using Recommit.Money;

namespace Recommit.Reports.Json;

/// <summary>
/// One usage file the analysis rests on, with its reconciliation (rows read = accepted + rejected) and what the
/// rejected rows were worth at list where knowable. <c>file</c> is the file's name without its folder, so the document
/// reads the same wherever it was made.
/// </summary>
public sealed record InputDocument(
    string File, string Format, long RowsRead, long Accepted, long Rejected, Usd? RejectedListUsd, double RejectedShare, bool NeedsWarning, string Summary)
{
    /// <summary>The document of a usage source.</summary>
    public static InputDocument Of(UsageSource s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new InputDocument(Path.GetFileName(s.File), s.Format, s.RowsRead, s.Accepted, s.Rejected, s.RejectedListUsd, s.RejectedShare,
            s.NeedsWarning, s.Summary);
    }
}
