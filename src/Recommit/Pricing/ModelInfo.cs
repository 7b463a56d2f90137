namespace Recommit.Pricing;

/// <summary>
/// What the price book knows about a model besides its prices: its family (opus, sonnet, haiku, fable, mythos),
/// tokenizer generation (2 for Claude 4.7 and later, which use ~1.3× more tokens for the same text), and when it
/// was released and retired on the first-party API (null when still sold).
/// </summary>
public sealed record ModelInfo(ModelId Id, string DisplayName, string Family, int TokenizerGeneration, DateOnly? Released, DateOnly? Retired);
