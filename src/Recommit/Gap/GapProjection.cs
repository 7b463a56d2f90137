using Recommit.Money;

namespace Recommit.Gap;

/// <summary>
/// The P50 reforecast of the current period's end position (docs/method.md §3 rule 4): consumption at committed rates minus
/// the commitment available (C + carry-in), so positive is headed for overage and negative for shortfall, with that
/// period's commitment C for the τ test.
/// </summary>
public readonly record struct GapProjection(Usd PeriodEndPosition, Usd PeriodCommitment);
