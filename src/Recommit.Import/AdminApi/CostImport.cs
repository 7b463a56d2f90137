using Recommit.Money;
using Recommit.Usage;

namespace Recommit.Import.AdminApi;

/// <summary>
/// The outcome of importing Admin API cost data: dollars by month and model (<see cref="Spend"/>), the reconciliation
/// report, the total billed (post-discount) and list (pre-discount) dollars where the source states them, and the
/// effective discount derived from them: 1 − billed ÷ list (null when the source has no list amounts or list is zero).
/// </summary>
public sealed record CostImport(SpendTable Spend, ImportReport Report, Usd BilledUsd, Usd? ListUsd, decimal? EffectiveDiscount)
{
    /// <summary>The spend table and report in the shape every spend importer returns.</summary>
    public SpendImport ToSpendImport() => new(Spend, Report);
}
