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

    /// <summary>After − before of the mean bill of the term's remaining periods.</summary>
    public decimal? TotalBillChange => Before is { } b && After is { } a ? a.TotalBill - b.TotalBill : null;

    /// <summary>Whether the week's moves changed the recommended action or its next check (null when either deal is unknown).</summary>
    public bool? RecommendationChanged => Before?.Deal is { } b && After?.Deal is { } a ? DigestText.Action(a) != DigestText.Action(b) : null;

    /// <summary>After − before of the best package's expected saving (null unless both books have a best package).</summary>
    public decimal? BestPackageSavingChange => Before?.Deal?.BuyerSaving is { } b && After?.Deal?.BuyerSaving is { } a ? a - b : null;
}
