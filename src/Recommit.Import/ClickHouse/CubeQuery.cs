namespace Recommit.Import.ClickHouse;

/// <summary>
/// The kinds of cube query, tried in this order; each answers exactly or tells the importer to ask the next.
/// </summary>
internal enum CubeQuery
{
    /// <summary>
    /// Integer count columns only: the bare aggregate (the columns' own sums, or UInt64 sums of a nullable column), its
    /// row count taken as a Float64 sum that adds 2³² for a row with any count outside 0 to 2³² − 1 (a negative one
    /// included) and 1 for any other. Valid when every group's count is under 2³¹: then every row is valid and no sum
    /// can have wrapped. The guard costs no aggregate beyond the bare query's (docs/importers.md).
    /// </summary>
    Fast,

    /// <summary>Per-row checks on the server (invalid rows counted and left out), UInt64 sums and a Float64 guard.</summary>
    Checked,

    /// <summary>Per-row checks and Decimal128 sums, which cannot wrap; the last resort.</summary>
    Exact,
}
