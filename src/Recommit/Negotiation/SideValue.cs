using Recommit.Analysis;

namespace Recommit.Negotiation;

/// <summary>
/// One side of a deal over the common window (docs/method.md §7): the buyer's cost B (bills from s0 to H, discounted when
/// a rate is set) and the vendor's value V (committed revenue + (1 − h) × uncommitted, after-term revenue also × q) as
/// distributions over the paths, with the vendor's measures.
/// </summary>
public sealed record SideValue(Distribution BuyerCost, Distribution VendorValue, VendorMeasures Vendor);
