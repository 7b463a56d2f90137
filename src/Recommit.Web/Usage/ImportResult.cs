namespace Recommit.Web.Usage;

/// <summary>
/// What an upload stored: the import's reconciliation (rows read = accepted + rejected), the cells and days it
/// replaced, the account's totals after it, and the first 100 rejected rows with their file and line.
/// </summary>
internal sealed record ImportResult(int ImportId, string Files, string Formats, long RowsRead, long Accepted, long Rejected,
    long Cells, long SpendRows, DateOnly? FirstDay, DateOnly? LastDay, UsageTotals Account, IReadOnlyList<Rejection> Rejections);

/// <summary>One rejected row: the file, its line and why.</summary>
internal sealed record Rejection(string File, long Line, string Reason);

/// <summary>An account's stored usage: cells and tokens (web searches count uses).</summary>
internal sealed record UsageTotals(long Cells, long Tokens);
