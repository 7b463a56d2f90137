using System.Collections.Immutable;

namespace Recommit.Storage.Digest;

/// <summary>
/// What a week's moves mean for one tracked account: its analysis under the book without the week's moves
/// (<see cref="Before"/>) and with them (<see cref="After"/>), on the same paths and seed, and the counters that fit.
/// <see cref="Skipped"/> says why an account was not analysed (no contract, no usage).
/// </summary>
public sealed record AccountImpact(
    int AccountId,
    string Account,
    ImmutableArray<string> ModelsInUse,
    DigestFigures? Before,
    DigestFigures? After,
    ImmutableArray<DigestCounter> Counters,
    string? Skipped)
{
    /// <summary>After − before of the projected position (null when either is unknown).</summary>
    public decimal? PositionChange => Before?.ProjectedPosition is { } b && After?.ProjectedPosition is { } a ? a - b : null;

    /// <summary>After − before of the mean cost of doing nothing.</summary>
    public decimal? CostOfDoingNothingChange => Before is { } b && After is { } a ? a.CostOfDoingNothing - b.CostOfDoingNothing : null;

    /// <summary>After − before of the mean total bill to the horizon.</summary>
    public decimal? TotalBillChange => Before is { } b && After is { } a ? a.TotalBill - b.TotalBill : null;
}
