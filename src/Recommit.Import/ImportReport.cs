using System.Collections.Immutable;

namespace Recommit.Import;

/// <summary>A row an importer refused, with where it was and why.</summary>
public sealed record RejectedRow(string File, long Line, string Reason)
{
    /// <summary>
    /// How many rows share this rejection: 1 for a file's row; for a table read by an aggregate query (ClickHouse),
    /// where rows have no line (<see cref="Line"/> 0), the number of rows rejected for this reason.
    /// </summary>
    public long Rows { get; init; } = 1;

    public override string ToString() => Line > 0 || Rows == 1 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason} ({Rows:N0} rows)";
}

/// <summary>
/// The reconciliation every importer reports: rows read = accepted + rejected, the rejected rows with file, line and
/// reason (the first <see cref="ImportDiagnostics.MaxKeptRejections"/> kept; the count is always exact), duplicate
/// cells replaced on the natural key, and model names the price book does not know (imported, flagged).
/// </summary>
public sealed record ImportReport(
    string File,
    string Format,
    long RowsRead,
    long Accepted,
    long Rejected,
    long Duplicates,
    ImmutableArray<RejectedRow> RejectedRows,
    ImmutableArray<string> UnknownModels)
{
    /// <summary>
    /// Rows of the file that are not Claude usage (other cloud services, tax or credit lines) and were passed over on
    /// purpose; they are outside <see cref="RowsRead"/> and named in the summary so nothing disappears silently.
    /// </summary>
    public long Skipped { get; init; }

    /// <summary>
    /// The list dollars the rejected rows would have been worth, when every rejected row still showed it (a spend row
    /// refused for its month); null when any rejected row's worth cannot be known (its tokens or dollars did not parse).
    /// </summary>
    public decimal? RejectedListUsd { get; init; }

    public bool Reconciles => RowsRead == Accepted + Rejected;

    public string Summary =>
        $"{File} ({Format}): {RowsRead:N0} rows read, {Accepted:N0} accepted, {Rejected:N0} rejected" +
        (Duplicates > 0 ? $", {Duplicates:N0} duplicates replaced" : "") +
        (Skipped > 0 ? $"; {Skipped:N0} rows that are not Claude usage passed over" : "") +
        (UnknownModels.Length > 0 ? $"; models not in the price book: {string.Join(", ", UnknownModels)}" : "");
}

/// <summary>Accumulates an importer's counts and rejections while it reads.</summary>
internal sealed class ImportDiagnostics(string file, string format)
{
    public const int MaxKeptRejections = 1000;

    private readonly List<RejectedRow> _rejected = [];
    private readonly SortedSet<string> _unknownModels = new(StringComparer.Ordinal);

    public string File { get; } = file;
    public string Format { get; } = format;
    public long RowsRead { get; private set; }
    public long Accepted { get; private set; }
    public long Rejected { get; private set; }
    public long Duplicates { get; private set; }

    public void Read() => RowsRead++;
    public void Accept() => Accepted++;
    public long Skipped { get; private set; }
    public void Duplicate() => Duplicates++;
    public void Skip() => Skipped++;
    public void UnknownModel(string model) => _unknownModels.Add(model);

    private decimal _rejectedWorth;
    private long _rejectedValued;

    public void Reject(long line, string reason) => Reject(File, line, reason);

    /// <summary>Rejects a row whose list-dollar worth is known (<paramref name="listUsd"/>) though the row cannot be used.</summary>
    public void Reject(long line, string reason, decimal? listUsd)
    {
        Reject(File, line, reason);
        if (listUsd is not { } usd) return;
        _rejectedWorth += usd;
        _rejectedValued++;
    }

    /// <summary>Rejects a row of one of several files read as one import (saved API pages): the row names its own file.</summary>
    public void Reject(string file, long line, string reason)
    {
        Rejected++;
        if (_rejected.Count < MaxKeptRejections) _rejected.Add(new RejectedRow(file, line, reason));
    }

    public ImportReport ToReport() =>
        new(File, Format, RowsRead, Accepted, Rejected, Duplicates, [.. _rejected], [.. _unknownModels])
        {
            Skipped = Skipped,
            RejectedListUsd = Rejected > 0 && _rejectedValued == Rejected ? _rejectedWorth : null,
        };

    /// <summary>
    /// Adds what another diagnostics of the same import counted, for rows that come after this one's (files read side by
    /// side): counts, its kept rejections after these (within <see cref="MaxKeptRejections"/>), unknown models.
    /// </summary>
    public void Append(ImportDiagnostics later)
    {
        RowsRead += later.RowsRead;
        Accepted += later.Accepted;
        Rejected += later.Rejected;
        Duplicates += later.Duplicates;
        Skipped += later.Skipped;
        foreach (var row in later._rejected.Take(MaxKeptRejections - _rejected.Count)) _rejected.Add(row);
        _unknownModels.UnionWith(later._unknownModels);
        _rejectedWorth += later._rejectedWorth;
        _rejectedValued += later._rejectedValued;
    }

    /// <summary>Sets the counts at once (for importers that count in a query engine rather than row by row).</summary>
    public void SetCounts(long rowsRead, long accepted, long rejectedCount, long duplicates = 0)
    {
        RowsRead = rowsRead;
        Accepted = accepted;
        Rejected = rejectedCount;
        Duplicates = duplicates;
    }

    /// <summary>Keeps a rejection's details without counting it (the count came from <see cref="SetCounts"/>).</summary>
    public void KeepRejection(long line, string reason)
    {
        if (_rejected.Count < MaxKeptRejections) _rejected.Add(new RejectedRow(File, line, reason));
    }
}
