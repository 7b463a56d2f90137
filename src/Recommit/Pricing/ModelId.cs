namespace Recommit.Pricing;

/// <summary>A canonical Claude model id from the price book, e.g. <c>claude-sonnet-4-5</c>.</summary>
public readonly record struct ModelId(string Value)
{
    public override string ToString() => Value;
}
