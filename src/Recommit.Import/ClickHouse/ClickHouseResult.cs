namespace Recommit.Import.ClickHouse;

/// <summary>
/// The outcome of a ClickHouse import: the cube and its reconciliation (a rejection's line is 0 and its
/// <see cref="RejectedRow.Rows"/> counts the rows that share the reason), how many groups the aggregate query
/// returned, and the bytes that crossed the network (query text sent; answers received, as they came).
/// </summary>
public sealed record ClickHouseResult(UsageImport Import, long Groups, long BytesSent, long BytesReceived)
{
    /// <summary>Whether the answers came gzip-compressed (then <see cref="BytesReceived"/> counts compressed bytes).</summary>
    public bool Compressed { get; init; }
}
