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

/// <summary>One counter for one account, from one move, with the sentence the digest prints.</summary>
public sealed record DigestCounter(DigestCounterKind Kind, PriceMove Move, string Sentence);
