using System.Collections.Immutable;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// The engagement's price (docs/method.md §9), configuration rather than math: fixed-fee tiers by annual commitment
/// (the fee of the highest tier whose minimum the commitment reaches, from $18,000), or a gainshare of
/// <see cref="GainshareShare"/> of the verified savings over <see cref="GainshareWindowMonths"/> months after signing.
/// </summary>
public sealed record FeeSchedule(ImmutableArray<FeeTier> Tiers, decimal GainshareShare, int GainshareWindowMonths)
{
    /// <summary>The default schedule, labelled as a default wherever it is shown: $18,000 / $30,000 / $48,000 at $0 / $1M / $3M a year; 25 % over 24 months.</summary>
    public static FeeSchedule Default { get; } = new(
        [new FeeTier(Usd.Zero, new Usd(18_000m)), new FeeTier(new Usd(1_000_000m), new Usd(30_000m)), new FeeTier(new Usd(3_000_000m), new Usd(48_000m))],
        0.25m, 24);

    /// <summary>The fixed fee for an account committing <paramref name="annualCommit"/> a year.</summary>
    public Usd FixedFee(Usd annualCommit)
    {
        var fee = Tiers.IsDefaultOrEmpty ? Usd.Zero : Tiers[0].Fee;
        foreach (var t in Tiers)
            if (annualCommit >= t.MinAnnualCommit && t.Fee > fee) fee = t.Fee;
        return fee;
    }
}
