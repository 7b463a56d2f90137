namespace Recommit.Pricing;

/// <summary>What kind of pricing move a <see cref="PriceMove"/> is (docs/method.md §1; docs/pricing.md, "Price-book history").</summary>
public enum PriceMoveKind : byte
{
    /// <summary>A model went on sale (its release day, or its first price entry, falls in the window).</summary>
    NewModel = 0,

    /// <summary>A model was retired from the first-party API.</summary>
    Retired = 1,

    /// <summary>One list rate of a model changed: one rate line, old → new.</summary>
    RateChange = 2,
}
