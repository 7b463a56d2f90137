namespace Recommit.Storage.Digest;

/// <summary>
/// The deal side of one account's analysis under one price book (docs/method.md §7–§8): the recommendation's action, its
/// month to check again (for <c>watch</c>) and sentence, and the best acceptable package with its expected saving to the
/// buyer and gain to the vendor (null when no package is a mutual gain within the risk cap).
/// </summary>
public sealed record DigestDeal(string Action, string? NextCheck, string Sentence, string? BestPackage, decimal? BuyerSaving, decimal? VendorGain);
