namespace Recommit.Pricing;

/// <summary>
/// Usage whose combination of model, day, tier, context band, inference geography and speed has no list price (for
/// example fast mode with batch, US-only inference on a model before Claude 4.6, or the long-context band on a model
/// without one). An unknown combination is an error, never a guess (docs/method.md §1).
/// </summary>
internal sealed class UnsupportedPricingException : InputException
{
    public UnsupportedPricingException() { }
    public UnsupportedPricingException(string message) : base(message) { }
    public UnsupportedPricingException(string message, Exception inner) : base(message, inner) { }
}
