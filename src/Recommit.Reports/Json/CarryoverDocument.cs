namespace Recommit.Reports.Json;

/// <summary>The carryover rule: the fraction of a shortfall carried into the next period, capped at a share of its commitment.</summary>
public sealed record CarryoverDocument(decimal Fraction, decimal Cap);
