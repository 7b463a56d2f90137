using Recommit.Import;
using Recommit.Import.Formats;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Storage.Usage;

/// <summary>
/// The files of one import, read and merged: a usage cube (tokens) and/or a spend table (dollars only), with each
/// file's reconciliation report. <see cref="UsageStore.ImportAsync"/> stores it in one transaction.
/// </summary>
public sealed record UsageBatch(UsageCube Cube, SpendTable Spend, IReadOnlyList<ImportReport> Reports, IReadOnlyList<string> Formats)
{
    public long RowsRead => Reports.Sum(r => r.RowsRead);
    public long Accepted => Reports.Sum(r => r.Accepted);
    public long Rejected => Reports.Sum(r => r.Rejected);

    /// <summary>
    /// Reads files of any format <c>recommit import</c> reads (detected from content unless <paramref name="format"/>
    /// names it), resolving model names through <paramref name="book"/>.
    /// </summary>
    public static UsageBatch Read(IReadOnlyList<string> paths, string? format, PriceBook book, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = new ImportOptions { Resolver = AnalysisInputs.Resolver(book), Cancellation = cancellation };
        var merge = new ImportMerge();
        var formats = new List<string>();
        foreach (var (f, import) in UsageFormats.ReadAll(paths, format, options))
        {
            merge.Add(import, f.Merge);
            formats.Add(f.Name);
        }
        return new UsageBatch(merge.HasUsage ? merge.Cube() : UsageCube.Empty, merge.HasSpend ? merge.Spend() : new SpendTable([]), merge.Reports, formats);
    }
}
