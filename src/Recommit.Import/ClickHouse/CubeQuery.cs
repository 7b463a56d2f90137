namespace Recommit.Import.ClickHouse;

/// <summary>
/// The kinds of cube query, tried in this order; each answers exactly or tells the importer to ask the next.
/// </summary>
internal enum CubeQuery
{
    /// <summary>
    /// Integer count columns only: the bare aggregate (the columns' own sums, or UInt64 sums of a nullable column) plus
    /// each group's largest count as UInt64, where a negative count shows as a huge one. Valid when every group's
    /// largest count is at most 10¹⁸ − 1 and rows × largest stays under <see cref="ClickHouseQuery.GuardLimit"/>, so
    /// that every sum is exact; the one aggregate more costs the server ≈ 0.06–0.1 s at 20 M rows here (docs/importers.md).
    /// </summary>
    Fast,

    /// <summary>Per-row checks on the server (invalid rows counted and left out), UInt64 sums and a Float64 guard.</summary>
    Checked,

    /// <summary>Per-row checks and Decimal128 sums, which cannot wrap; the last resort.</summary>
    Exact,
}
