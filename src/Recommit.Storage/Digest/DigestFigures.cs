namespace Recommit.Storage.Digest;

/// <summary>
/// The figures of one account's analysis that a pricing move can change: the gap class, the P50 end position of the
/// current period before levers (positive = over the commitment), the mean cost of doing nothing and the mean total bill
/// to the horizon, all in USD under one price book.
/// </summary>
public sealed record DigestFigures(string GapClass, decimal? ProjectedPosition, decimal CostOfDoingNothing, decimal TotalBill, string PriceBookVersion);
