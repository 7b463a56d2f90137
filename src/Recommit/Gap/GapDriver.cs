namespace Recommit.Gap;

/// <summary>
/// Which series moved a durable gap (docs/method.md §3): the gap ratio g = a / p − 1 changes when usage a moves or
/// when the commitment's pace p steps between periods, and the verdict sentence says which.
/// </summary>
public enum GapDriver
{
    /// <summary>No trend to attribute (or none tested).</summary>
    None = 0,
    /// <summary>Usage trends in the gap's direction (Mann–Kendall on consumption, p &lt; 0.10).</summary>
    Usage = 1,
    /// <summary>The commitment's pace stepped in the gap's direction while usage showed no such trend.</summary>
    Commitment = 2,
    /// <summary>Both moved in the gap's direction.</summary>
    Both = 3,
}
