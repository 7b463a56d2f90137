using Recommit.Pricing;

namespace Recommit.Storage.Digest;

/// <summary>What a move lets the buyer do in the negotiation or in their own usage.</summary>
public enum DigestCounterKind : byte
{
    /// <summary>A cheaper model arrived: a routing lever.</summary>
    Routing = 0,

    /// <summary>Cache reads got cheaper on a model in use: caching is worth more.</summary>
    Caching = 1,

    /// <summary>A rate on a model in use went up: ask for price protection over the (extended) term.</summary>
    PriceProtection = 2,

    /// <summary>A rate on a model in use was cut: a dollar commitment is consumed more slowly, so shortfall risk rises.</summary>
    ShortfallRisk = 3,
}

/// <summary>
/// One counter for one account, from one move, with the sentence the digest prints. <see cref="BuyerValue"/> is what the
/// counter is worth to the buyer in expectation (a lever's fall in the mean bill of the term's remaining periods, or price
/// protection's value from the negotiation engine), <see cref="VendorValue"/> what it is worth to the vendor (price
/// protection: negative, a cost); both null when the account could not be analysed or the counter has no value to give
/// (a shortfall risk is shown by the change in the cost of doing nothing itself).
/// </summary>
public sealed record DigestCounter(DigestCounterKind Kind, PriceMove Move, string Sentence)
{
    /// <summary>For a routing counter, the model in use whose traffic would move to the new model.</summary>
    public string? From { get; init; }

    public decimal? BuyerValue { get; init; }

    public decimal? VendorValue { get; init; }
}
