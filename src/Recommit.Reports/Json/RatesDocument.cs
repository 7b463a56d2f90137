using System.Collections.Immutable;
using Recommit.Contracts;

namespace Recommit.Reports.Json;

/// <summary>
/// The FinOps rate figures of <c>analysis.json</c> (docs/rates.md): commitment utilisation and the effective savings rate,
/// month by month and to date. Ratios are fractions rounded where written to <see cref="RatioDecimals"/> decimal places
/// (half away from zero; 0.910308 = 91.0308 %): the ledger's decimal division carries 28 digits no reader can use.
/// </summary>
public sealed record RatesDocument(ImmutableArray<RateMonthDocument> Months, decimal? UtilisationToDate, decimal? EffectiveSavingsRateToDate)
{
    /// <summary>Decimal places a ratio keeps in the document.</summary>
    public const int RatioDecimals = 6;

    /// <summary>The document of the rates.</summary>
    public static RatesDocument Of(CommitmentRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new RatesDocument([.. rates.Months.Select(RateMonthDocument.Of)], Ratio(rates.UtilisationToDate), Ratio(rates.EffectiveSavingsRateToDate));
    }

    internal static decimal? Ratio(decimal? value) => value is { } v ? Math.Round(v, RatioDecimals, MidpointRounding.AwayFromZero) : null;
}
