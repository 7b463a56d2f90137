namespace Recommit.Negotiation;

/// <summary>
/// Something a reader of a package must know, with a stable <see cref="Code"/> (<c>discount-above-band</c>,
/// <c>no-band</c>, <c>consolidation</c>) and the sentence shown in reports, which carries its figures.
/// </summary>
public sealed record PackageFlag(string Code, string Message);
