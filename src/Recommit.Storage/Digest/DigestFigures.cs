namespace Recommit.Storage.Digest;

/// <summary>
/// The figures of one account's analysis that a pricing move can change: the gap class, the P50 end position of the
/// current period before levers (positive = over the commitment), the mean cost of doing nothing and the mean bill of the
/// term's remaining periods, all in USD under one price book, and the recommendation with the best package (<see cref="Deal"/>,
/// null when the term has ended and no negotiation was run).
/// </summary>
public sealed record DigestFigures(string GapClass, decimal? ProjectedPosition, decimal CostOfDoingNothing, decimal TotalBill, string PriceBookVersion)
{
    /// <summary>The recommendation and best package under this book (docs/method.md §8).</summary>
    public DigestDeal? Deal { get; init; }
}
