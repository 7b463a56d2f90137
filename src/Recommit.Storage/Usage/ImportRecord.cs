namespace Recommit.Storage.Usage;

/// <summary>
/// The record of one committed import: the files, their reconciliation (rows read = accepted + rejected) and the days
/// it replaced. Written in the same transaction as the cells, so it exists exactly when the cells do.
/// </summary>
public sealed class ImportRecord
{
    public int Id { get; init; }
    public int AccountId { get; init; }
    public required string Files { get; init; }
    public required string Formats { get; init; }
    public long RowsRead { get; init; }
    public long Accepted { get; init; }
    public long Rejected { get; init; }
    public long Cells { get; init; }
    public long SpendRows { get; init; }
    public DateOnly? FirstDay { get; init; }
    public DateOnly? LastDay { get; init; }
    public DateTime CreatedUtc { get; init; }
}
