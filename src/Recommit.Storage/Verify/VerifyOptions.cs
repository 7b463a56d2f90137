namespace Recommit.Storage.Verify;

/// <summary>
/// A verified-savings run of a stored account: the old contract version (the counterfactual), the new (signed) one,
/// the window's first month and optional last month (<c>yyyy-MM</c>; default: the last month with usage), and the
/// gainshare (default: the fee terms' share).
/// </summary>
public sealed record VerifyOptions(int OldVersion, int NewVersion, string From, string? To = null, decimal? Share = null);
