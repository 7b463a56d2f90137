namespace Recommit.Pricing;

/// <summary>
/// A model name the price book does not know. Raised when usage of that model is priced: tokens are facts and are
/// imported, but a dollar figure is never guessed (docs/pricing.md).
/// </summary>
internal sealed class UnknownModelException : InputException
{
    public UnknownModelException(string model, string priceBookVersion)
        : base($"unknown model '{model}': price book {priceBookVersion} has no entry or alias for it; add it to a price-book file passed with --prices (see docs/pricing.md)")
    {
        Model = model;
    }

    public UnknownModelException() { Model = ""; }
    public UnknownModelException(string message) : base(message) { Model = ""; }
    public UnknownModelException(string message, Exception inner) : base(message, inner) { Model = ""; }

    public string Model { get; }
}
