using System.Collections.Immutable;
using Recommit.Money;

namespace Recommit.Fees;

/// <summary>A row of the fixed-fee schedule: the fee for an annual commitment of at least <see cref="MinAnnualCommit"/>.</summary>
public sealed record FixedFeeTier(Usd MinAnnualCommit, Usd Fee);

/// <summary>
/// The engagement's fee terms (docs/method.md §9; the <c>fees</c> object of the assumptions file): the fixed-fee tier
/// schedule by annual commitment, and the gainshare share of verified savings and its window in months after signing.
/// <see cref="Default"/> holds Recommit's labelled defaults.
/// </summary>
public sealed record FeeTerms(ImmutableArray<FixedFeeTier> FixedTiers, decimal GainshareShare, int GainshareWindowMonths)
{
    /// <summary>
    /// Defaults: a fixed fee from $18,000 rising with the annual commitment ($18,000 under $1M; $30,000 from $1M; $45,000
    /// from $3M; $60,000 from $10M); gainshare 25 % of verified savings over the 24 months after signing.
    /// </summary>
    public static FeeTerms Default { get; } = new(
        [
            new(Usd.Zero, new Usd(18_000m)),
            new(new Usd(1_000_000m), new Usd(30_000m)),
            new(new Usd(3_000_000m), new Usd(45_000m)),
            new(new Usd(10_000_000m), new Usd(60_000m)),
        ],
        0.25m,
        24);

    /// <summary>The fixed fee for <paramref name="annualCommitment"/>: the tier with the highest threshold at or below it.</summary>
    public Usd FixedFee(Usd annualCommitment)
    {
        var fee = FixedTiers.IsEmpty ? Usd.Zero : FixedTiers[0].Fee;
        foreach (var tier in FixedTiers.OrderBy(t => t.MinAnnualCommit))
            if (tier.MinAnnualCommit <= annualCommitment) fee = tier.Fee;
        return fee;
    }
}
